package io.portevoix.delivery.application.port;

import io.portevoix.delivery.SandboxMessage;
import java.util.List;

/** The messages the sandbox server received. */
public interface CapturedMail {

    boolean running();

    List<SandboxMessage> all();
}
