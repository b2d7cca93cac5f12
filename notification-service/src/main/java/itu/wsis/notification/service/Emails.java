package itu.wsis.notification.service;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The type-safe message templates (src/main/resources/templates/Emails/): one HTML layout ({@code dir="rtl"} for
 * Arabic) and its plain-text alternative, shared by every message kind. What differs between kinds is the localized
 * text in {@link EmailView}, so that a new language is a new resource file rather than a dozen new templates.
 */
@CheckedTemplate(basePath = "Emails")
public class Emails {

    public static native TemplateInstance html(EmailView view);

    public static native TemplateInstance text(EmailView view);
}
