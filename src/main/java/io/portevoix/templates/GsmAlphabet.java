package io.portevoix.templates;

import io.portevoix.templates.domain.Gsm7;

/**
 * The GSM 03.38 7-bit default alphabet as gateways put it on the wire: one septet per byte
 * ("unpacked", the way SMPP carries {@code data_coding 0}), an extension character
 * ({@code ^ { } \ [ ~ ] | €}, form feed) as the escape {@code 0x1B} followed by its code. The
 * same table as {@link SmsLength}, so what is counted is what is sent.
 */
public final class GsmAlphabet {

    private GsmAlphabet() {
    }

    /**
     * The septets of a text whose {@link SmsLength#encoding(CharSequence)} is GSM 7-bit.
     *
     * @throws IllegalArgumentException when a character is outside the alphabet
     */
    public static byte[] encode(CharSequence text) {
        return Gsm7.septets(text);
    }

    /** The text of unpacked septets (a received message); the high bit of each byte is ignored. */
    public static String decode(byte[] septets, int offset, int length) {
        return Gsm7.text(septets, offset, length);
    }
}
