package itu.wsis.registration.service;

import itu.wsis.events.Language;
import itu.wsis.registration.domain.VisaLetterWording;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import itu.wsis.registration.config.RegistrationConfig;
import itu.wsis.support.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The letter drawn with the Debian fonts this machine has (./wsis test installs them), read back with PDFBox's text
 * extraction: what a consulate's software, or a screen reader, would get from it.
 */
class VisaLetterPdfTest {

    static final Instant ISSUED = Instant.parse("2022-04-02T08:00:00Z");

    static VisaLetterFonts.FontFiles fonts() {
        Path root = Path.of("/usr/share/fonts");
        return new VisaLetterFonts.FontFiles(find(root, "DejaVuSans.ttf"), find(root, "DejaVuSans-Bold.ttf"),
                find(root, "wqy-zenhei.ttc"));
    }

    static Path find(Path root, String name) {
        try (var files = Files.find(root, 8, (p, a) -> p.getFileName().toString().equals(name))) {
            return files.findFirst().orElseThrow(() -> new AssertionError(name + " is not installed"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static VisaLetterWording.Facts facts(Language language, String name, String forum) {
        return new VisaLetterWording.Facts(language, "WSIS-VL-7K3M9Q2XJD", LocalDate.of(2022, 4, 2), forum,
                LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 3), name, "Adviser", "CH", "CL-22/010");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC)
                    .replaceAll("\\s+", " "); // lines are broken wherever the width ends
        }
    }

    static List<String> fontNames(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                names.add(font.getName());
            }
        }
        return names;
    }

    static byte[] render(VisaLetterWording.Facts facts) {
        return VisaLetterPdf.render(facts.language(), VisaLetterWording.blocks(facts), fonts(), ISSUED);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageHasItsWordsTheReferenceAndTheDelegate(Language language) throws IOException {
        byte[] pdf = render(facts(language, "Aline Dupont", "Forum"));
        String text = text(pdf);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/visa-letter-" + language.code() + ".pdf"), pdf);
        assertThat(text).contains("WSIS-VL-7K3M9Q2XJD").contains("Aline Dupont").contains("CL-22/010");
        assertThat(fontNames(pdf)).isNotEmpty();
    }

    @Test
    void frenchStatesTheForumDatesCountryAndSignatoryInFrench() throws IOException {
        String text = text(render(facts(Language.FR, "Aline Dupont", "Forum 2022 du SMSI")));
        assertThat(text).contains("Lettre d'appui à une demande de visa", "Forum 2022 du SMSI", "30 mai 2022",
                "3 juin 2022", "Suisse", "Genève, le 2 avril 2022", "Pour le Secrétaire général");
        assertThat(text).doesNotContain("Geneva", "Secretary-General");
    }

    @Test
    void chineseIsDrawnWithAChineseFontAndReadsBack() throws IOException {
        byte[] pdf = render(facts(Language.ZH, "Aline Dupont", "2022年信息社会世界峰会论坛"));
        String text = text(pdf);
        assertThat(text).contains("签证支持信", "2022年信息社会世界峰会论坛", "2022年5月30日", "瑞士", "秘书长代表");
        assertThat(fontNames(pdf)).anyMatch(name -> name.contains("WenQuanYi"));
    }

    @Test
    void arabicIsShapedRightToLeftAndReadsBackInLogicalOrder() throws IOException {
        byte[] pdf = render(facts(Language.AR, "ليلى حداد", "منتدى القمة العالمية لمجتمع المعلومات لعام 2022"));
        String text = text(pdf);
        // Read back in logical order: drawn in the wrong order, the extraction would give the words reversed.
        assertThat(text).contains("رسالة دعم لطلب تأشيرة", "ليلى حداد", "سويسرا", "عن الأمين العام",
                "WSIS-VL-7K3M9Q2XJD");
        // Shaped: the glyphs drawn are the contextual forms (U+FE70..U+FEFF), not the isolated base letters.
        String drawn = drawnCharacters(pdf);
        assertThat(drawn.codePoints().filter(c -> c >= 0xFE70 && c <= 0xFEFF).count()).isGreaterThan(100);
        assertThat(drawn.codePoints().filter(c -> c >= 0x0621 && c <= 0x064A).count()).isZero();
    }

    /** The characters of the glyphs as drawn, before PDFBox's extraction normalizes presentation forms. */
    static String drawnCharacters(byte[] pdf) throws IOException {
        StringBuilder drawn = new StringBuilder();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition position) {
                    drawn.append(position.getUnicode());
                }
            }.getText(document);
        }
        return drawn.toString();
    }

    @Test
    void aMissingFontIsA503NamingTheFileAndItsPackage() {
        VisaLetterFonts fonts = new VisaLetterFonts(new RegistrationConfig() {
            @Override
            public Defaults defaults() {
                throw new UnsupportedOperationException();
            }

            @Override
            public VisaLetters visaLetters() {
                return new VisaLetters() {
                    @Override
                    public Path fontDirectory() {
                        return Path.of("target/no-fonts-here");
                    }

                    @Override
                    public String textFont() {
                        return "DejaVuSans.ttf";
                    }

                    @Override
                    public String boldFont() {
                        return "DejaVuSans-Bold.ttf";
                    }

                    @Override
                    public String chineseFont() {
                        return "wqy-zenhei.ttc";
                    }
                };
            }
        });
        assertThatThrownBy(fonts::files).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.toProblem("/invitations").type()).isEqualTo("urn:wsis:problem:visa-letter-font-missing");
            assertThat(e.getMessage()).contains("DejaVuSans.ttf", "fonts-dejavu-core");
        });
    }
}
