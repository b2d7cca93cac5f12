package itu.wsis.web.page;

import io.quarkus.qute.TemplateData;
import itu.wsis.web.page.Views.Choice;
import itu.wsis.web.page.Views.Contact;
import itu.wsis.web.page.Views.Delegate;
import itu.wsis.web.page.Views.DelegateRow;
import itu.wsis.web.page.Views.ErrorLink;
import itu.wsis.web.page.Views.Field;
import itu.wsis.web.page.Views.LanguageLink;
import itu.wsis.web.page.Views.Line;
import itu.wsis.web.page.Views.RoundTable;
import itu.wsis.web.page.Views.SessionChoice;
import itu.wsis.web.page.Views.SpeakingStatus;

import java.util.List;

/**
 * What the invitation page and the pages about its speaking request and seats show ({@code page} in their checked
 * templates, {@link Pages.Templates}), already translated and formatted. Filled field by field by
 * {@link InvitationPage#view()} as it reads the services' answers, hence fields rather than a record of sixty
 * components; Qute checks every {@code page.x} of the templates against them at build time.
 */
@TemplateData
public final class InvitationView {

    // The page's frame.
    public String lang;
    public String dir;
    public String title;
    public List<LanguageLink> languages;
    public String saved;
    public List<ErrorLink> errorSummary;
    public String formProblem;

    // The forum and the letter.
    public List<Line> forumLines;
    public String forumSiteUrl;
    public String partnershipUrl;
    public String speakingInfoUrl;
    public List<Line> letterLines;
    public Contact contact;
    public String letterSubject;
    public String letterBody;
    public String letterLang;
    public String letterDir;
    public String letterOtherLanguage;

    // The deadline and the reply.
    public String deadlineGeneva;
    public String deadlineLocal;
    public boolean deadlinePassed;
    public String replyStatus;
    public String replyText;
    public String replyMode;
    public List<Delegate> replyDelegation;
    public String replyReason;
    public boolean replyLate;
    public boolean replyBySecretariat;
    public boolean locked;
    public boolean canAccept;
    public boolean canDecline;
    public boolean canWithdraw;
    public boolean accepted;
    public boolean visaLetters;

    // The accept and decline forms.
    public Field modeField;
    public List<Choice> modes;
    public List<DelegateRow> rows;
    public Field headField;
    public Field declineField;

    // The speaking request, its form and the change-of-speaker form.
    public SpeakingStatus speakingStatus;
    public boolean speakingActive;
    public boolean speakingUnavailable;
    public boolean speakingNotReady;
    public boolean speakingOpen;
    public boolean speakingNoSessions;
    public boolean speakerSubstitute;
    public Field speakerName;
    public Field speakerTitle;
    public Field speakerRank;
    public List<Choice> ranks;
    public Field sessionsField;
    public List<SessionChoice> sessionChoices;
    public Field languageField;
    public List<Choice> statementLanguages;
    public Field modalityField;
    public List<Choice> modalities;
    public Field topicField;
    public boolean changeSubstitute;
    public Field changeName;
    public Field changeTitle;
    public Field changeRank;
    public List<Choice> changeRanks;

    // The round tables, and the one a page about a seat request shows.
    public List<RoundTable> roundTables;
    public RoundTable shownTable;
}
