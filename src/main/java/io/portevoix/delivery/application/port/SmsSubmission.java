package io.portevoix.delivery.application.port;

import java.util.List;

/**
 * What became of one submitted SMS. ACCEPTED: the gateway took every part and gave an id for each
 * (receipts refer to them). RETRY: throttled, a transient error or no connection: nothing was
 * accepted and a later attempt may succeed. FAILED: the gateway refused it for good, with its
 * reason. UNCERTAIN: the gateway may have taken it (the connection dropped before the answer):
 * it must not be resubmitted by itself.
 */
public record SmsSubmission(Outcome outcome, List<String> gatewayIds, String reason) {

    public enum Outcome { ACCEPTED, RETRY, FAILED, UNCERTAIN }

    public SmsSubmission {
        gatewayIds = List.copyOf(gatewayIds);
        reason = reason == null ? "" : reason;
        if (outcome == Outcome.ACCEPTED && gatewayIds.isEmpty()) {
            throw new IllegalArgumentException("An accepted SMS has the gateway's id of each part");
        }
    }

    public static SmsSubmission accepted(List<String> gatewayIds) {
        return new SmsSubmission(Outcome.ACCEPTED, gatewayIds, "");
    }

    public static SmsSubmission retry(String reason) {
        return new SmsSubmission(Outcome.RETRY, List.of(), reason);
    }

    public static SmsSubmission failed(String reason) {
        return new SmsSubmission(Outcome.FAILED, List.of(), reason);
    }

    public static SmsSubmission uncertain(String reason) {
        return new SmsSubmission(Outcome.UNCERTAIN, List.of(), reason);
    }
}
