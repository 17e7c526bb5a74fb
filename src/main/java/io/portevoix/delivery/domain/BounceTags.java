package io.portevoix.delivery.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-message sub-addresses of the bounce address (VERP): {@code bounces+m<id>-<mac>@domain} is the
 * envelope sender of outbox message {@code id}, so the bounce comes back naming it;
 * {@code bounces+u<id>-<mac>@domain} is its mailto {@code List-Unsubscribe}. The MAC (HMAC-SHA256
 * under a key derived from the installation's secret, 8 bytes in lower-case hex) is what keeps a
 * forged bounce from suppressing, or a forged mail from unsubscribing, anyone: without it a tag is
 * nothing. Hex survives servers that fold the case of local parts; the whole local part stays far
 * below the 64 characters of RFC 5321.
 */
public final class BounceTags {

    /** What a tag is for. */
    public enum Purpose {
        BOUNCE('m'), UNSUBSCRIBE('u');

        private final char letter;

        Purpose(char letter) {
            this.letter = letter;
        }
    }

    /** A verified tag: the purpose and the outbox message it names. */
    public record Tag(Purpose purpose, long message) {
    }

    /** What our Message-ID {@code <m<id>.<run>@host>} names. */
    public record MessageRef(long message, UUID run) {
    }

    private static final Pattern TAG = Pattern.compile("([mu])([0-9]{1,18})-([0-9a-f]{16})");
    private static final Pattern MESSAGE_ID = Pattern.compile(
            "<?m([0-9]{1,18})\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>\\s]+>?");

    private final String local;
    private final String domain;
    private final SecretKeySpec key;

    /** {@code address}: the bounce mailbox ({@code bounces@bounce.example.org}); {@code secret}: at least 32 characters. */
    public BounceTags(String address, String secret) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("Not an e-mail address: " + address);
        }
        if (secret.length() < 32) {
            throw new IllegalArgumentException("Tagged bounce addresses need a secret of at least 32 characters");
        }
        this.local = address.substring(0, at).toLowerCase(Locale.ROOT);
        this.domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "porte-voix bounce tags v1"), "HmacSHA256");
    }

    public String address(Purpose purpose, long message) {
        return local + "+" + purpose.letter + message + "-" + mac(purpose, message) + "@" + domain;
    }

    /** The tag of one of our sub-addresses, when its MAC verifies; anything else is empty. */
    public Optional<Tag> read(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        String prefix = local + "+";
        if (!a.startsWith(prefix) || !a.endsWith("@" + domain)) {
            return Optional.empty();
        }
        Matcher m = TAG.matcher(a.substring(prefix.length(), a.length() - domain.length() - 1));
        if (!m.matches()) {
            return Optional.empty();
        }
        Purpose purpose = m.group(1).equals("m") ? Purpose.BOUNCE : Purpose.UNSUBSCRIBE;
        long message = Long.parseLong(m.group(2));
        byte[] expected = mac(purpose, message).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(new Tag(purpose, message)) : Optional.empty();
    }

    /**
     * The outbox message and run a Message-ID of ours names ({@code <m<id>.<run>@host>}). It carries
     * no MAC, but the run's random UUID makes it as hard to guess as one: only someone who saw the
     * message can name it.
     */
    public static Optional<MessageRef> messageRef(String messageId) {
        Matcher m = MESSAGE_ID.matcher(messageId.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(new MessageRef(Long.parseLong(m.group(1)), UUID.fromString(m.group(2))))
                : Optional.empty();
    }

    private String mac(Purpose purpose, long message) {
        return HexFormat.of().formatHex(hmac(key, purpose.letter + ":" + message), 0, 8);
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
