package io.portevoix.templates;

import io.portevoix.templates.domain.Gsm7;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A suggestion to bring an SMS text back to the GSM 7-bit alphabet: one stray {@code ’} or
 * {@code ê} makes the whole message UCS-2 and more than halves what a part holds, so the editor
 * offers to swap such characters for 7-bit look-alikes and shows what it would save.
 *
 * @param before        the text as written
 * @param after         the text with every look-alike applied
 * @param substitutions what was replaced by what and how often, in order of first appearance
 * @param lengthBefore  the length of {@code before}
 * @param lengthAfter   the length of {@code after}
 */
public record SmsReplacement(String before, String after, List<Substitution> substitutions, SmsLength lengthBefore,
        SmsLength lengthAfter) {

    public SmsReplacement {
        substitutions = List.copyOf(substitutions);
    }

    /**
     * One replacement: {@code from} (a character, or a letter with combining accents) became
     * {@code to} (possibly empty for invisible characters) {@code count} times.
     */
    public record Substitution(String from, String to, int count) {
    }

    /**
     * Replaces characters outside GSM 7-bit with 7-bit look-alikes where one exists: accented letters
     * lose the accent the alphabet lacks ({@code ê → e}, {@code ç → c}, {@code È → E}; {@code é è à ù}
     * and {@code Ç} are kept, they are in it), ligatures are spelled out ({@code œ → oe}), curly quotes
     * and guillemets become {@code '} and {@code "}, dashes {@code -}, {@code …} three dots, the
     * non-breaking spaces a plain space, soft hyphens and zero-width spaces disappear. A letter
     * followed by combining accents is composed first, so a decomposed {@code é} stays {@code é}.
     * Characters without a look-alike (emoji, CJK) are left as they are, so the result may still be UCS-2.
     */
    public static SmsReplacement suggest(String text) {
        if (Gsm7.isGsm7(text)) {
            SmsLength length = SmsLength.of(text);
            return new SmsReplacement(text, text, List.of(), length, length);
        }
        StringBuilder after = new StringBuilder(text.length());
        Map<String, Substitution> substitutions = new LinkedHashMap<>();
        int length = text.length();
        for (int i = 0; i < length; ) {
            int codePoint = text.codePointAt(i);
            int end = i + Character.charCount(codePoint);
            while (end < length && isCombiningMark(text.charAt(end))) {
                end++;
            }
            String from = text.substring(i, end);
            @Nullable String to = replacement(from, codePoint);
            if (to == null) {
                after.append(from);
            } else {
                after.append(to);
                substitutions.merge(from, new Substitution(from, to, 1),
                        (seen, again) -> new Substitution(seen.from(), seen.to(), seen.count() + 1));
            }
            i = end;
        }
        String replaced = after.toString();
        return new SmsReplacement(text, replaced, List.copyOf(substitutions.values()), SmsLength.of(text),
                SmsLength.of(replaced));
    }

    /** Whether applying the suggestion would change the text. */
    public boolean changesAnything() {
        return !substitutions.isEmpty();
    }

    /** The 7-bit form of one character (with its combining marks, if any), or null to keep it. */
    private static @Nullable String replacement(String cluster, int base) {
        if (cluster.length() == Character.charCount(base)) {
            return Gsm7.lookAlike(base);
        }
        if (!Character.isLetter(base)) {
            return null;
        }
        String composed = Normalizer.normalize(cluster, Normalizer.Form.NFC);
        if (composed.codePointCount(0, composed.length()) == 1) {
            int single = composed.codePointAt(0);
            if (Gsm7.isGsm7(single)) {
                return composed;
            }
            String lookAlike = Gsm7.lookAlike(single);
            if (lookAlike != null) {
                return lookAlike;
            }
        }
        String bare = Character.toString(base);
        if (Gsm7.isGsm7(base)) {
            return bare;
        }
        return Gsm7.lookAlike(base);
    }

    /** Combining diacritical marks, U+0300–U+036F: the accents of a decomposed letter. */
    private static boolean isCombiningMark(char c) {
        return c >= '\u0300' && c <= '\u036F';
    }
}
