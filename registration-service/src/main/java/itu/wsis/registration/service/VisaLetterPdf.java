package itu.wsis.registration.service;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import itu.wsis.events.Language;
import itu.wsis.registration.domain.VisaLetterWording;
import itu.wsis.registration.domain.VisaLetterWording.Block;
import itu.wsis.registration.domain.VisaLetterWording.Style;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Draws a visa support letter on one A4 page with PDFBox, embedding subsets of the fonts it uses. PDFBox draws glyphs
 * as given, so the text is prepared as a typesetter would: lines are broken where the language allows
 * ({@link BreakIterator}, which also breaks Chinese between characters), Arabic is shaped into its contextual
 * presentation forms (ICU4J {@link ArabicShaping}) and every line is put in visual order by the Unicode
 * bidirectional algorithm (ICU4J {@link Bidi}), right-aligned for Arabic. Each character is drawn with the first of
 * the letter's fonts that has it (Chinese first for a Chinese letter), so a Latin or Arabic name prints in any letter.
 */
final class VisaLetterPdf {

    private static final float MARGIN = 64;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private VisaLetterPdf() {
    }

    static byte[] render(Language language, List<Block> blocks, VisaLetterFonts.FontFiles files,
                         Instant issuedAt) {
        try (PDDocument document = new PDDocument(); Fonts fonts = Fonts.load(document, files, language)) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            boolean rtl = language.rightToLeft();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN;
                for (Block block : blocks) {
                    float size = size(block.style());
                    List<Face> faces = block.style() == Style.TITLE || block.style() == Style.HEADING
                            ? fonts.bold : fonts.regular;
                    y -= spaceBefore(block.style());
                    for (String line : lines(block.text(), language, faces, size)) {
                        String visual = visual(line, rtl);
                        float x = rtl ? MARGIN + WIDTH - width(visual, faces, size) : MARGIN;
                        draw(content, visual, faces, size, x, y);
                        y -= size * 1.45f;
                    }
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(VisaLetterWording.title(language));
            info.setAuthor(blocks.get(0).text());
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(issuedAt.toEpochMilli());
            info.setCreationDate(created);
            document.getDocumentCatalog().setLanguage(language.code());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a visa letter", e);
        }
    }

    private static float size(Style style) {
        return switch (style) {
            case HEADING -> 14;
            case TITLE -> 15;
            case SUBHEADING, META, PARAGRAPH, SIGNATORY, SIGNATURE -> 11;
        };
    }

    private static float spaceBefore(Style style) {
        return switch (style) {
            case HEADING -> 0;
            case TITLE -> 28;
            case META -> 4;
            case PARAGRAPH -> 10;
            case SIGNATORY -> 30;
            case SUBHEADING, SIGNATURE -> 2;
        };
    }

    /** The logical text broken into lines that fit the width once shaped. */
    private static List<String> lines(String text, Language language, List<Face> faces, float size)
            throws IOException {
        BreakIterator breaks = BreakIterator.getLineInstance(language.locale());
        breaks.setText(text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String segment = text.substring(start, end);
            String candidate = line + segment;
            if (line.length() > 0 && width(shape(candidate.stripTrailing()), faces, size) > WIDTH) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append(segment);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String shape(String logical) {
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(logical);
        } catch (ArabicShapingException e) {
            throw new IllegalStateException("cannot shape " + logical, e);
        }
    }

    /** Shaped, then reordered for display: Arabic and Latin runs each read in their own direction. */
    private static String visual(String logical, boolean rtl) {
        Bidi bidi = new Bidi();
        bidi.setPara(shape(logical), rtl ? Bidi.RTL : Bidi.LTR, null);
        return bidi.writeReordered(Bidi.DO_MIRRORING);
    }

    private static float width(String text, List<Face> faces, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text, faces)) {
            width += run.font.getStringWidth(run.text) / 1000 * size;
        }
        return width;
    }

    private static void draw(PDPageContentStream content, String visual, List<Face> faces, float size,
                             float x, float y) throws IOException {
        for (Run run : runs(visual, faces)) {
            content.beginText();
            content.setFont(run.font, size);
            content.newLineAtOffset(x, y);
            content.showText(run.text);
            content.endText();
            x += run.font.getStringWidth(run.text) / 1000 * size;
        }
    }

    private record Run(PDType0Font font, String text) {
    }

    /** A font of the letter and its Unicode map, which says whether it has a glyph for a character. */
    private record Face(PDType0Font font, CmapLookup cmap) {
        static Face of(PDDocument document, TrueTypeFont font) throws IOException {
            return new Face(PDType0Font.load(document, font, true), font.getUnicodeCmapLookup());
        }

        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }
    }

    /**
     * Consecutive characters drawn with the same font: the first of {@code faces} that has a glyph for each; a space
     * stays in the run it is in.
     */
    private static List<Run> runs(String text, List<Face> faces) {
        List<Run> runs = new ArrayList<>();
        PDType0Font current = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            PDType0Font font = current != null && Character.isWhitespace(codePoint) ? current : fontFor(codePoint, faces);
            if (font != current && run.length() > 0) {
                runs.add(new Run(current, run.toString()));
                run.setLength(0);
            }
            current = font;
            run.appendCodePoint(codePoint);
            i += Character.charCount(codePoint);
        }
        if (run.length() > 0) {
            runs.add(new Run(current, run.toString()));
        }
        return runs;
    }

    private static PDType0Font fontFor(int codePoint, List<Face> faces) {
        for (Face face : faces) {
            if (face.has(codePoint)) {
                return face.font();
            }
        }
        // No font has it: the first one draws its .notdef box rather than failing the whole letter.
        return faces.get(0).font();
    }

    /** The letter's fonts, in the order they are tried; the parsed files stay open until the document is saved. */
    private static final class Fonts implements Closeable {
        final List<Face> regular;
        final List<Face> bold;
        private final List<Closeable> open;

        private Fonts(List<Face> regular, List<Face> bold, List<Closeable> open) {
            this.regular = regular;
            this.bold = bold;
            this.open = open;
        }

        static Fonts load(PDDocument document, VisaLetterFonts.FontFiles files, Language language) throws IOException {
            List<Closeable> open = new ArrayList<>();
            TrueTypeFont text = new TTFParser().parse(new RandomAccessReadBufferedFile(files.text().toFile()));
            open.add(text);
            TrueTypeFont bold = new TTFParser().parse(new RandomAccessReadBufferedFile(files.bold().toFile()));
            open.add(bold);
            TrueTypeCollection collection = new TrueTypeCollection(files.chinese().toFile());
            open.add(collection);
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            Face latin = Face.of(document, text);
            Face latinBold = Face.of(document, bold);
            Face chinese = Face.of(document, first[0]);
            return language == Language.ZH
                    ? new Fonts(List.of(chinese, latin), List.of(chinese, latinBold), open)
                    : new Fonts(List.of(latin, chinese), List.of(latinBold, latin, chinese), open);
        }

        @Override
        public void close() throws IOException {
            for (Closeable closeable : open) {
                closeable.close();
            }
        }
    }
}
