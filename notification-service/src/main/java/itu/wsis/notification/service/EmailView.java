package itu.wsis.notification.service;

import java.util.List;

/**
 * Everything a message template shows, already localized. The HTML template escapes every value; the text template
 * prints them as they are.
 */
public record EmailView(String lang, String dir, String subject, String salutation, List<String> paragraphs,
                        List<Detail> details, String linkLabel, String link, List<String> signature) {

    public record Detail(String label, String value) {
    }
}
