package io.portevoix.templates.domain;

import io.portevoix.templates.SmsEncoding;
import io.portevoix.templates.SmsLength;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The GSM 03.38 7-bit default alphabet and the SMS part arithmetic built on it.
 *
 * <p>A character of the basic table costs one septet ("unit"), one of the extension table
 * ({@code ^ { } \ [ ~ ] | €} and form feed) two (escape + character). A single character outside
 * both tables switches the whole message to UCS-2, where a unit is a UTF-16 code unit. A message
 * fits one part up to 160 (GSM) or 70 (UCS-2) units; beyond that every part carries a
 * concatenation header and holds at most 153 or 67 units, and the splitter never cuts an escape
 * pair or a surrogate pair (such a character moves whole to the next part).
 *
 * <p>The alphabet is a {@code byte} table indexed by {@code char}, so {@link #parts(CharSequence)}
 * is two tight loops at most, with no allocation.
 */
public final class Gsm7 {

    /** Units of a single-part GSM 7-bit message. */
    public static final int SINGLE_PART_GSM = 160;
    /** Units of each part of a multi-part GSM 7-bit message (the concatenation header takes 7 septets). */
    public static final int MULTI_PART_GSM = 153;
    /** UTF-16 code units of a single-part UCS-2 message. */
    public static final int SINGLE_PART_UCS2 = 70;
    /** UTF-16 code units of each part of a multi-part UCS-2 message. */
    public static final int MULTI_PART_UCS2 = 67;

    /** The basic table, in GSM order (0x00–0x7F), without the escape at 0x1B. */
    static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
            + " !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** The extension table: each is sent as escape + character. */
    static final String EXTENSION = "\f^{}\\[~]|€";

    /** Units per {@code char}: 0 outside the alphabet, 1 basic, 2 extension. The highest entry is €, U+20AC. */
    private static final byte[] WIDTH = new byte['€' + 1];

    /** The escape septet that announces an extension-table character. */
    private static final byte ESCAPE = 0x1B;

    /** The extension table's codes, in the order of {@link #EXTENSION}. */
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    /** GSM code per {@code char}: -1 outside, 0x00–0x7F basic, 0x80 | code for the extension table. */
    private static final short[] CODE = new short['€' + 1];

    static {
        java.util.Arrays.fill(CODE, (short) -1);
        for (int i = 0; i < BASIC.length(); i++) {
            WIDTH[BASIC.charAt(i)] = 1;
            CODE[BASIC.charAt(i)] = (short) (i < ESCAPE ? i : i + 1);
        }
        for (int i = 0; i < EXTENSION.length(); i++) {
            WIDTH[EXTENSION.charAt(i)] = 2;
            CODE[EXTENSION.charAt(i)] = (short) (0x80 | EXTENSION_CODES[i]);
        }
    }

    private Gsm7() {
    }

    /**
     * Units the code point costs in a GSM 7-bit message: 1 for the basic table, 2 for the
     * extension table, 0 when it is outside the alphabet (the message must then be UCS-2).
     */
    public static int units(int codePoint) {
        return codePoint >= 0 && codePoint < WIDTH.length ? WIDTH[codePoint] : 0;
    }

    /** Whether the code point is in the basic or the extension table. */
    public static boolean isGsm7(int codePoint) {
        return units(codePoint) != 0;
    }

    /** Whether the whole text can be sent in the GSM 7-bit alphabet. */
    public static boolean isGsm7(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (width(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The number of parts, without allocating. An empty text is one part. */
    public static int parts(CharSequence text) {
        int length = text.length();
        int units = 0;
        for (int i = 0; i < length; i++) {
            int w = width(text.charAt(i));
            if (w == 0) {
                return length <= SINGLE_PART_UCS2 ? 1 : partsOf(splitUcs2(text));
            }
            units += w;
        }
        if (units <= SINGLE_PART_GSM) {
            return 1;
        }
        if (units == length) {
            return (units + MULTI_PART_GSM - 1) / MULTI_PART_GSM;
        }
        return partsOf(splitGsm(text));
    }

    /** Counts the text; see {@link SmsLength} for the meaning of each figure. */
    public static SmsLength measure(CharSequence text) {
        int length = text.length();
        int units = 0;
        int firstOutside = -1;
        for (int i = 0; i < length; i++) {
            int w = width(text.charAt(i));
            if (w == 0) {
                firstOutside = i;
                break;
            }
            units += w;
        }
        if (firstOutside < 0) {
            if (units <= SINGLE_PART_GSM) {
                return new SmsLength(SmsEncoding.GSM_7BIT, length, units, 1, SINGLE_PART_GSM, SINGLE_PART_GSM - units,
                        List.of());
            }
            long split = splitGsm(text);
            return new SmsLength(SmsEncoding.GSM_7BIT, length, units, partsOf(split), MULTI_PART_GSM,
                    MULTI_PART_GSM - fillOf(split), List.of());
        }
        int characters = Character.codePointCount(text, 0, length);
        List<String> forcing = outsideCharacters(text, firstOutside);
        if (length <= SINGLE_PART_UCS2) {
            return new SmsLength(SmsEncoding.UCS2, characters, length, 1, SINGLE_PART_UCS2, SINGLE_PART_UCS2 - length,
                    forcing);
        }
        long split = splitUcs2(text);
        return new SmsLength(SmsEncoding.UCS2, characters, length, partsOf(split), MULTI_PART_UCS2,
                MULTI_PART_UCS2 - fillOf(split), forcing);
    }

    /**
     * The text cut into the parts an operator receives, by the same rules as {@link #parts(CharSequence)}
     * (so {@code split(text).size() == parts(text)} always): the text itself when it fits one part,
     * otherwise greedy parts of at most 153 septets (GSM 7-bit) or 67 UTF-16 units (UCS-2) that never
     * cut an escape pair or a surrogate pair.
     */
    public static List<String> split(CharSequence text) {
        String whole = text.toString();
        if (parts(text) == 1) {
            return List.of(whole);
        }
        boolean gsm = isGsm7(text);
        int capacity = gsm ? MULTI_PART_GSM : MULTI_PART_UCS2;
        List<String> parts = new ArrayList<>();
        int start = 0;
        int fill = 0;
        for (int i = 0, n = whole.length(); i < n; ) {
            int w;
            if (gsm) {
                w = width(whole.charAt(i));
            } else {
                w = Character.isHighSurrogate(whole.charAt(i)) && i + 1 < n
                        && Character.isLowSurrogate(whole.charAt(i + 1)) ? 2 : 1;
            }
            int chars = gsm ? 1 : w;
            if (fill + w > capacity) {
                parts.add(whole.substring(start, i));
                start = i;
                fill = 0;
            }
            fill += w;
            i += chars;
        }
        parts.add(whole.substring(start));
        return List.copyOf(parts);
    }

    /**
     * The GSM 03.38 default-alphabet codes of an all-GSM text, one septet per byte (unpacked, as
     * SMPP carries them); an extension character is the escape {@code 0x1B} followed by its code.
     *
     * @throws IllegalArgumentException when a character is outside the alphabet
     */
    public static byte[] septets(CharSequence text) {
        byte[] out = new byte[text.length() * 2];
        int length = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int code = c < CODE.length ? CODE[c] : -1;
            if (code < 0) {
                throw new IllegalArgumentException("Not in the GSM 7-bit alphabet: U+%04X".formatted((int) c));
            }
            if (code > 0x7F) {
                out[length++] = ESCAPE;
                code &= 0x7F;
            }
            out[length++] = (byte) code;
        }
        return java.util.Arrays.copyOf(out, length);
    }

    /**
     * The text of unpacked GSM 03.38 septets (one per byte, the high bit ignored); an escape followed
     * by an extension code is that character, an unknown escape sequence the basic character after it.
     */
    public static String text(byte[] septets, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = offset, end = offset + length; i < end; i++) {
            int code = septets[i] & 0x7F;
            if (code == ESCAPE && i + 1 < end) {
                int next = septets[++i] & 0x7F;
                int extension = indexOf(EXTENSION_CODES, next);
                text.append(extension >= 0 ? EXTENSION.charAt(extension) : basic(next));
            } else if (code != ESCAPE) {
                text.append(basic(code));
            }
        }
        return text.toString();
    }

    private static char basic(int code) {
        return code == ESCAPE ? ' ' : BASIC.charAt(code < ESCAPE ? code : code - 1);
    }

    private static int indexOf(byte[] codes, int code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == code) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A 7-bit look-alike for a character outside the alphabet ({@code ê → e}, {@code œ → oe},
     * {@code ’ → '}, {@code … → ...}, a non-breaking space → space; invisible characters such as a
     * soft hyphen → nothing), or {@code null} when there is none (emoji, CJK, …) or the character
     * is already in the alphabet.
     */
    public static @Nullable String lookAlike(int codePoint) {
        if (isGsm7(codePoint)) {
            return null;
        }
        return switch (codePoint) {
            case 'á', 'â', 'ã', 'ā', 'ă', 'ą', 'ª' -> "a";
            case 'À', 'Á', 'Â', 'Ã', 'Ā', 'Ă', 'Ą' -> "A";
            case 'ç', 'ć', 'ĉ', 'ċ', 'č', '¢' -> "c";
            case 'Ć', 'Ĉ', 'Ċ', 'Č' -> "C";
            case 'ď', 'đ' -> "d";
            case 'Ď', 'Đ' -> "D";
            case 'ê', 'ë', 'ē', 'ĕ', 'ė', 'ę', 'ě' -> "e";
            case 'È', 'Ê', 'Ë', 'Ē', 'Ĕ', 'Ė', 'Ę', 'Ě' -> "E";
            case 'ĝ', 'ğ', 'ġ', 'ģ' -> "g";
            case 'Ĝ', 'Ğ', 'Ġ', 'Ģ' -> "G";
            case 'í', 'î', 'ï', 'ĩ', 'ī', 'ĭ', 'į', 'ı' -> "i";
            case 'Ì', 'Í', 'Î', 'Ï', 'Ĩ', 'Ī', 'Ĭ', 'Į', 'İ' -> "I";
            case 'ĺ', 'ļ', 'ľ', 'ŀ', 'ł' -> "l";
            case 'Ĺ', 'Ļ', 'Ľ', 'Ŀ', 'Ł' -> "L";
            case 'ń', 'ņ', 'ň' -> "n";
            case 'Ń', 'Ņ', 'Ň' -> "N";
            case 'ó', 'ô', 'õ', 'ō', 'ŏ', 'ő', 'º' -> "o";
            case 'Ò', 'Ó', 'Ô', 'Õ', 'Ō', 'Ŏ', 'Ő' -> "O";
            case 'œ' -> "oe";
            case 'Œ' -> "OE";
            case 'ŕ', 'ŗ', 'ř' -> "r";
            case 'Ŕ', 'Ŗ', 'Ř' -> "R";
            case 'ś', 'ŝ', 'ş', 'š', 'ș' -> "s";
            case 'Ś', 'Ŝ', 'Ş', 'Š', 'Ș' -> "S";
            case 'ţ', 'ť', 'ț' -> "t";
            case 'Ţ', 'Ť', 'Ț' -> "T";
            case 'ú', 'û', 'ũ', 'ū', 'ŭ', 'ů', 'ű', 'ų' -> "u";
            case 'Ù', 'Ú', 'Û', 'Ũ', 'Ū', 'Ŭ', 'Ů', 'Ű', 'Ų' -> "U";
            case 'ý', 'ÿ' -> "y";
            case 'Ý', 'Ÿ' -> "Y";
            case 'ź', 'ż', 'ž' -> "z";
            case 'Ź', 'Ż', 'Ž' -> "Z";
            case 'ﬀ' -> "ff";
            case 'ﬁ' -> "fi";
            case 'ﬂ' -> "fl";
            case '×' -> "x";
            case '‘', '’', '‚', '‛', '′', '´', '`', 'ʼ', '‹', '›' -> "'";
            case '“', '”', '„', '‟', '″', '«', '»' -> "\"";
            case '‐', '‑', '‒', '–', '—', '―', '−', '•' -> "-";
            case '…' -> "...";
            case '\u00A0', '\u202F', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
                    '\u2008', '\u2009', '\u200A', '\u205F', '\u3000', '\t' -> " ";
            case '\u2028', '\u2029' -> "\n";
            case '\u00AD', '\u200B', '\u2060', '\uFEFF' -> "";
            default -> null;
        };
    }

    /** Units of one {@code char} in GSM 7-bit, 0 when it is outside the alphabet (every surrogate is). */
    private static int width(char c) {
        return c < WIDTH.length ? WIDTH[c] : 0;
    }

    /** Greedy split of an all-GSM text into 153-unit parts, an escape pair never cut: parts and last part's fill, packed. */
    private static long splitGsm(CharSequence text) {
        int parts = 1;
        int fill = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int w = width(text.charAt(i));
            if (fill + w > MULTI_PART_GSM) {
                parts++;
                fill = w;
            } else {
                fill += w;
            }
        }
        return pack(parts, fill);
    }

    /** Greedy split into 67-code-unit parts, a surrogate pair never cut: parts and last part's fill, packed. */
    private static long splitUcs2(CharSequence text) {
        int parts = 1;
        int fill = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int w = Character.isHighSurrogate(text.charAt(i)) && i + 1 < n
                    && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            if (fill + w > MULTI_PART_UCS2) {
                parts++;
                fill = w;
            } else {
                fill += w;
            }
            i += w - 1;
        }
        return pack(parts, fill);
    }

    private static long pack(int parts, int fill) {
        return (long) parts << 32 | fill;
    }

    private static int partsOf(long split) {
        return (int) (split >>> 32);
    }

    private static int fillOf(long split) {
        return (int) split;
    }

    /** The distinct code points outside the alphabet, in order of first appearance, from {@code from} on. */
    private static List<String> outsideCharacters(CharSequence text, int from) {
        Set<String> outside = new LinkedHashSet<>();
        for (int i = from, n = text.length(); i < n; ) {
            int codePoint = Character.codePointAt(text, i);
            if (!isGsm7(codePoint)) {
                outside.add(Character.toString(codePoint));
            }
            i += Character.charCount(codePoint);
        }
        return List.copyOf(outside);
    }
}
