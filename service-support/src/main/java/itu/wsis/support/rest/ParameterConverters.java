package itu.wsis.support.rest;

import itu.wsis.support.text.PlainText;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts parameters of the types the services use, and answers 400 naming the parameter when the text does not
 * fit ({@code size=abc}, a malformed UUID in a path, {@code from=yesterday}). Without it, JAX-RS answers 404 for an
 * unconvertible path or query parameter, as if the resource did not exist. Text parameters are checked too: a NUL
 * character (which PostgreSQL refuses in text) is a 400 here, never a database error.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /** What a malformed id is told, here and wherever a filter reads the id before the resource converts it. */
    public static final String NOT_A_UUID = "must be a UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private static final Map<Class<?>, Conversion> CONVERSIONS = Map.ofEntries(
            Map.entry(String.class, new Conversion(s -> s, "must not contain the NUL character (U+0000)")),
            Map.entry(int.class, new Conversion(Integer::valueOf, "must be a whole number")),
            Map.entry(Integer.class, new Conversion(Integer::valueOf, "must be a whole number")),
            Map.entry(long.class, new Conversion(Long::valueOf, "must be a whole number")),
            Map.entry(Long.class, new Conversion(Long::valueOf, "must be a whole number")),
            Map.entry(boolean.class, new Conversion(ParameterConverters::strictBoolean, "must be true or false")),
            Map.entry(Boolean.class, new Conversion(ParameterConverters::strictBoolean, "must be true or false")),
            Map.entry(UUID.class, new Conversion(ParameterConverters::uuid, NOT_A_UUID)),
            Map.entry(LocalDate.class, new Conversion(LocalDate::parse, "must be a date such as 2022-04-15")),
            Map.entry(Instant.class, new Conversion(Instant::parse,
                    "must be an ISO-8601 instant such as 2022-04-15T21:59:59Z")),
            Map.entry(OffsetDateTime.class, new Conversion(OffsetDateTime::parse,
                    "must be an ISO-8601 date and time with offset such as 2022-04-15T23:59:59+02:00")),
            Map.entry(LocalDateTime.class, new Conversion(LocalDateTime::parse,
                    "must be an ISO-8601 date and time such as 2022-05-31T10:00")));

    private record Conversion(Function<String, Object> parse, String expected) {
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        Conversion conversion = CONVERSIONS.get(rawType);
        if (conversion == null && rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                    .collect(Collectors.joining(", "));
            conversion = new Conversion(s -> Enum.valueOf(type, s.trim()), "must be one of " + allowed);
        }
        if (conversion == null) {
            return null;
        }
        return (ParamConverter<T>) new Converter(name, conversion, emptyValue(rawType));
    }

    /** What an absent parameter is: null, or the zero of a primitive. */
    private static Object emptyValue(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    private record Converter(String name, Conversion conversion, Object emptyValue) implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            if (value == null) {
                return emptyValue;
            }
            if (PlainText.containsNul(value)) {
                throw new InvalidParameterException(name, "must not contain the NUL character (U+0000)");
            }
            try {
                return conversion.parse().apply(value);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new InvalidParameterException(name, conversion.expected());
            }
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value.toString();
        }
    }

    /** RESTEasy passes "0" for an absent primitive parameter, booleans included: it means false. */
    private static Object strictBoolean(String value) {
        if ("true".equalsIgnoreCase(value)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(value) || "0".equals(value)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(value);
    }

    /** {@link UUID#fromString} accepts forms like "1-2-3-4-5"; only the canonical 36-character form is an id. */
    public static UUID uuid(String value) {
        if (value.length() != 36) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(value);
    }

    /** The parameter's name from its JAX-RS annotation; null for what is not a named parameter (a body). */
    static String nameOf(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
            if (a instanceof CookieParam c) {
                return c.value();
            }
            if (a instanceof FormParam f) {
                return f.value();
            }
            if (a instanceof MatrixParam m) {
                return m.value();
            }
            String resteasy = a.annotationType().getName();
            if (resteasy.startsWith("org.jboss.resteasy.reactive.Rest")) {
                // @RestQuery and friends: value() may be empty, meaning the Java parameter's name, unknown here.
                try {
                    Object value = a.annotationType().getMethod("value").invoke(a);
                    return value instanceof String s && !s.isEmpty() ? s : "parameter";
                } catch (ReflectiveOperationException e) {
                    return "parameter";
                }
            }
        }
        return null;
    }
}
