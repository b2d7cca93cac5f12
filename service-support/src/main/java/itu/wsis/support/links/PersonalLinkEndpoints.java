package itu.wsis.support.links;

import jakarta.ws.rs.container.ResourceInfo;

import java.lang.reflect.Method;

/** Whether the matched endpoint is one the invitee reaches with a personal link. */
public final class PersonalLinkEndpoints {

    private PersonalLinkEndpoints() {
    }

    public static boolean is(ResourceInfo resource) {
        if (resource == null) {
            return false;
        }
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        return method != null && method.isAnnotationPresent(PersonalLinkAuthentication.class)
                || type != null && type.isAnnotationPresent(PersonalLinkAuthentication.class);
    }
}
