package itu.wsis.invitation.domain;

import itu.wsis.events.Language;

import java.util.EnumMap;
import java.util.Map;

/** How a letter opens for an invitee, in each of the six languages. */
public enum FormOfAddress {
    MADAM_MINISTER(Map.of(
            Language.AR, "معالي الوزيرة",
            Language.EN, "Dear Madam Minister",
            Language.ES, "Señora Ministra",
            Language.FR, "Madame la Ministre",
            Language.RU, "Госпожа министр",
            Language.ZH, "尊敬的部长女士")),
    MISTER_MINISTER(Map.of(
            Language.AR, "معالي الوزير",
            Language.EN, "Dear Mr Minister",
            Language.ES, "Señor Ministro",
            Language.FR, "Monsieur le Ministre",
            Language.RU, "Господин министр",
            Language.ZH, "尊敬的部长先生")),
    EXCELLENCY(Map.of(
            Language.AR, "صاحب السعادة",
            Language.EN, "Excellency",
            Language.ES, "Excelencia",
            Language.FR, "Excellence",
            Language.RU, "Ваше Превосходительство",
            Language.ZH, "阁下")),
    MADAM(Map.of(
            Language.AR, "السيدة المحترمة",
            Language.EN, "Dear Madam",
            Language.ES, "Señora",
            Language.FR, "Madame",
            Language.RU, "Уважаемая госпожа",
            Language.ZH, "尊敬的女士")),
    SIR(Map.of(
            Language.AR, "السيد المحترم",
            Language.EN, "Dear Sir",
            Language.ES, "Señor",
            Language.FR, "Monsieur",
            Language.RU, "Уважаемый господин",
            Language.ZH, "尊敬的先生"));

    private final Map<Language, String> salutations;

    FormOfAddress(Map<Language, String> salutations) {
        this.salutations = new EnumMap<>(salutations);
    }

    /**
     * The form of address as it travels in {@code InviteeContact.formOfAddress}: a plain honorific ("Madam", "Mr",
     * "Excellency") from which notification-service picks its own salutation text by grammatical gender and rank.
     */
    public String honorific() {
        return switch (this) {
            case MADAM_MINISTER, MADAM -> "Madam";
            case MISTER_MINISTER -> "Mr";
            case SIR -> "Sir";
            case EXCELLENCY -> "Excellency";
        };
    }

    public String salutation(Language language) {
        return salutations.get(language);
    }
}
