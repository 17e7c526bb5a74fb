package io.portevoix.delivery.application.port;

import java.util.List;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/**
 * Hands SMS to an operator or aggregator. Adapters: SMPP 3.4 ({@code adapter.smpp}), a generic
 * HTTP JSON API ({@code adapter.http}) and the demo sandbox. An adapter splits a long text into
 * concatenated parts itself, picks GSM 7-bit or UCS-2, honours its own throughput limit and
 * reports delivery receipts and replies to the {@link SmsListener} it was given.
 *
 * <p>To add a provider, implement this port in a new adapter package, register it as a bean when
 * its configuration is present, and give it a {@link #name()} that accounts select it by
 * (see docs/adapters.md).
 */
@SecondaryPort
public interface SmsGateway {

    /** The name settings select this gateway by: {@code smpp}, {@code http}, {@code sandbox}, … */
    String name();

    /**
     * Submits a batch and answers one outcome per message, in the batch's order. A refusal of one
     * message is an outcome, never an exception; the call returns once every message of the batch
     * has an outcome (the adapter may keep several in flight meanwhile).
     */
    List<SmsSubmission> submit(List<OutgoingSms> batch);

    /** Where the gateway reports receipts and replies; called once, before the first submit. */
    void listen(SmsListener listener);
}
