package itu.wsis.support.validation;

import itu.wsis.support.text.EmailAddress;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address by the platform's one rule, {@link EmailAddress}, once the plain spaces around it are set aside
 * ({@link EmailAddress#trimSpaces}: the receiving code trims them). Null is valid (add {@code @NotBlank} where the
 * address is required). Use this instead of {@code jakarta.validation.constraints.Email},
 * which accepts quoted local parts, spaces in them and other forms that fail at send time.
 */
@Documented
@Constraint(validatedBy = Email.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Email {

    String message() default "is not an e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Email, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            var problem = EmailAddress.problem(EmailAddress.trimSpaces(value));
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "is not an e-mail address: it " + escapeTemplate(problem.get()))
                    .addConstraintViolation();
            return false;
        }

        /** The reason is ours, but a template treats { } $ \ specially. */
        private static String escapeTemplate(String text) {
            return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
