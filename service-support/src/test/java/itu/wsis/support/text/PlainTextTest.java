package itu.wsis.support.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @Example
    void namesInEveryScriptAreOneLine() {
        assertThat(PlainText.isSingleLine("H.E. Mr. Jean-Pierre O'Neil")).isTrue();
        assertThat(PlainText.isSingleLine("معالي السيد أحمد\u200F")).isTrue();
        assertThat(PlainText.isSingleLine("王小明")).isTrue();
        assertThat(PlainText.isSingleLine("Ms.\u00A0Anna Müller")).isTrue();
        assertThat(PlainText.isSingleLine(null)).isTrue();
    }

    @Example
    void lineBreaksAndControlsAreNot() {
        for (String name : new String[]{"Jane\r\nBcc: x@evil.test", "Jane\nDoe", "Jane\rDoe", "Jane\tDoe",
                "Jane\u0000", "Jane\u2028Doe", "Jane\u2029", "Jane\u0085Doe", "\u001B[31mJane", "Jane\u007F"}) {
            assertThat(PlainText.isSingleLine(name)).as(name).isFalse();
        }
    }

    @Property
    void anyControlOrSeparatorAnywhereBreaksTheLine(@ForAll("names") String name, @ForAll("breaking") char c,
                                                   @ForAll @IntRange(max = 500) int where) {
        int at = where % (name.length() + 1);
        assertThat(PlainText.isSingleLine(name.substring(0, at) + c + name.substring(at))).isFalse();
    }

    @Property
    void printableTextStaysOneLine(@ForAll("names") String name) {
        assertThat(PlainText.isSingleLine(name)).isTrue();
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().alpha().numeric().withChars(" .-'’éöçñ中文أحمدПётр\u200F\u200E").ofMaxLength(60);
    }

    @Provide
    Arbitrary<Character> breaking() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001F'), Arbitraries.chars().range('\u007F',
                '\u009F'), Arbitraries.of('\u2028', '\u2029'));
    }
}
