package io.portevoix.templates;

import io.portevoix.templates.domain.Gsm7;
import java.util.List;

/**
 * How long an SMS text is once sent, per GSM 03.38, so the editor can show the count and
 * campaigns can price and cap a send before it goes out.
 *
 * <p>A text entirely in the GSM 7-bit default alphabet costs one unit (septet) per character, two
 * for the extension characters {@code ^ { } \ [ ~ ] | €} and form feed; it fits one part up to 160
 * units, otherwise parts of at most 153 units. A single character outside that alphabet ({@code ê},
 * {@code ç}, {@code ’}, an emoji, …) makes the whole text UCS-2: units are UTF-16 code units (an
 * emoji outside the BMP is two), one part up to 70, otherwise parts of at most 67. Splitting never
 * cuts an escape pair or a surrogate pair: such a character moves whole to the next part. An empty
 * text is 0 characters, 0 units and 1 part, since an SMS with no text is still one message.
 *
 * @param encoding        GSM 7-bit, or UCS-2 when any character is outside the alphabet
 * @param characters      Unicode code points
 * @param units           septets (GSM 7-bit) or UTF-16 code units (UCS-2)
 * @param parts           messages the operator bills, at least 1
 * @param unitsPerPart    the capacity of this text's parts: 160 or 153 (GSM 7-bit), 70 or 67 (UCS-2)
 * @param remainingInPart units that still fit before another part is needed
 * @param ucs2Characters  the distinct characters forcing UCS-2, in order of first appearance; empty for GSM 7-bit
 */
public record SmsLength(SmsEncoding encoding, int characters, int units, int parts, int unitsPerPart,
        int remainingInPart, List<String> ucs2Characters) {

    public SmsLength {
        if (characters < 0 || units < characters || parts < 1 || unitsPerPart < 1 || remainingInPart < 0) {
            throw new IllegalArgumentException("Inconsistent SMS length: " + characters + " characters, " + units
                    + " units, " + parts + " parts of " + unitsPerPart + ", " + remainingInPart + " remaining");
        }
        ucs2Characters = List.copyOf(ucs2Characters);
    }

    /** Counts the text. Allocates only the record and, for UCS-2, the list of forcing characters. */
    public static SmsLength of(CharSequence text) {
        return Gsm7.measure(text);
    }

    /** Fast path: only the number of parts, allocation-free, for counting a million rendered texts. */
    public static int parts(CharSequence text) {
        return Gsm7.parts(text);
    }

    /**
     * The parts the text is sent as, cut by the rules above: {@code split(text).size() == parts(text)}.
     * A gateway adapter sends each as one concatenated part (or the text alone when it fits one).
     */
    public static List<String> split(CharSequence text) {
        return Gsm7.split(text);
    }

    /** The encoding the whole text is sent in. */
    public static SmsEncoding encoding(CharSequence text) {
        return Gsm7.isGsm7(text) ? SmsEncoding.GSM_7BIT : SmsEncoding.UCS2;
    }

    /** Whether the text needs more parts than {@code maxParts}. */
    public boolean exceeds(int maxParts) {
        return parts > maxParts;
    }
}
