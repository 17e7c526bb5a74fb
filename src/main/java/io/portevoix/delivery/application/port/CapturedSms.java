package io.portevoix.delivery.application.port;

import io.portevoix.delivery.SandboxSms;
import java.util.List;

/** The demo sandbox's SMS gateway: what it received, and a member's phone answering. */
public interface CapturedSms {

    boolean running();

    /** Newest first. */
    List<SandboxSms> all();

    /** As if {@code from} had answered {@code text} to the shared number. */
    void reply(String from, String text);
}
