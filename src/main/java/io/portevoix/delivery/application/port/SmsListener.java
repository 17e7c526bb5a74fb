package io.portevoix.delivery.application.port;

import java.time.Instant;

/**
 * Receives what a gateway reports, on the gateway's own threads: delivery receipts (one per
 * accepted part) and inbound replies. Implementations only record them and return quickly.
 */
public interface SmsListener {

    void receipt(Receipt receipt);

    void reply(Reply reply);

    /** The final state the operator reports for one part. */
    enum ReceiptStatus { DELIVERED, FAILED, EXPIRED }

    /** A delivery receipt: {@code gatewayId} is the id {@link SmsSubmission#gatewayIds()} gave for the part. */
    record Receipt(String gateway, String gatewayId, ReceiptStatus status, String reason, Instant at) {
    }

    /** A reply from a member's phone: {@code from} in E.164 when the gateway gives it so. */
    record Reply(String gateway, String from, String to, String text, Instant at) {
    }
}
