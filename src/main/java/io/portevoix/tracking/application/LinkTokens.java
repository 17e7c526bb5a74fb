package io.portevoix.tracking.application;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.shared.AccountId;
import io.portevoix.tracking.LinkPurpose;
import io.portevoix.tracking.RecipientLink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recipient link tokens: the purpose, account, member, campaign and broadcast type, followed by an
 * HMAC-SHA256 of them (first 16 bytes), base64url without padding. Verification recomputes the MAC
 * and compares in constant time; any altered byte, a wrong length or another key gives nothing.
 */
final class LinkTokens {

    private static final int PAYLOAD = 1 + 16 * 3 + 1 + 4;
    private static final int MAC = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** Initialised once: each signature clones it, cheaper than looking the algorithm up and keying it again. */
    private final Mac keyed;

    LinkTokens(String secret) {
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(RecipientLink link) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + MAC);
        payload.put((byte) link.purpose().ordinal());
        uuid(payload, link.account().value());
        uuid(payload, link.contact().value());
        uuid(payload, link.campaign().value());
        payload.put((byte) link.type().ordinal());
        payload.putInt(link.link());
        payload.put(mac(Arrays.copyOf(payload.array(), PAYLOAD)));
        return ENCODER.encodeToString(payload.array());
    }

    Optional<RecipientLink> verify(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != PAYLOAD + MAC) {
            return Optional.empty();
        }
        byte[] expected = mac(Arrays.copyOf(bytes, PAYLOAD));
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + MAC))) {
            return Optional.empty();
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes);
        int purpose = payload.get();
        UUID account = new UUID(payload.getLong(), payload.getLong());
        UUID contact = new UUID(payload.getLong(), payload.getLong());
        UUID campaign = new UUID(payload.getLong(), payload.getLong());
        int type = payload.get();
        int number = payload.getInt();
        if (purpose < 0 || purpose >= LinkPurpose.values().length || type < 0 || type >= BroadcastType.values().length) {
            return Optional.empty();
        }
        return Optional.of(new RecipientLink(LinkPurpose.values()[purpose], new AccountId(account), new ContactId(contact),
                new CampaignId(campaign), BroadcastType.values()[type], number));
    }

    /** The code of a short link: its row id on 6 bytes and a 5-byte MAC of it, 15 characters of base64url. */
    String signShort(long id) {
        ByteBuffer payload = ByteBuffer.allocate(SHORT_ID + SHORT_MAC);
        payload.put(Arrays.copyOfRange(ByteBuffer.allocate(8).putLong(id).array(), 8 - SHORT_ID, 8));
        payload.put(Arrays.copyOf(mac(Arrays.copyOf(payload.array(), SHORT_ID)), SHORT_MAC));
        return ENCODER.encodeToString(payload.array());
    }

    java.util.OptionalLong verifyShort(String code) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(code);
        } catch (IllegalArgumentException e) {
            return java.util.OptionalLong.empty();
        }
        if (bytes.length != SHORT_ID + SHORT_MAC) {
            return java.util.OptionalLong.empty();
        }
        byte[] expected = Arrays.copyOf(mac(Arrays.copyOf(bytes, SHORT_ID)), SHORT_MAC);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, SHORT_ID, SHORT_ID + SHORT_MAC))) {
            return java.util.OptionalLong.empty();
        }
        byte[] id = new byte[8];
        System.arraycopy(bytes, 0, id, 8 - SHORT_ID, SHORT_ID);
        return java.util.OptionalLong.of(ByteBuffer.wrap(id).getLong());
    }

    static final int SHORT_ID = 6;
    static final int SHORT_MAC = 5;
    /** Length of a short link's code. */
    static final int SHORT_CODE = 15;

    private static void uuid(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private byte[] mac(byte[] payload) {
        try {
            return Arrays.copyOf(((Mac) keyed.clone()).doFinal(payload), MAC);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
