package io.portevoix.delivery;

import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The demo sandbox's SMS side: every SMS the platform sent while it runs without a real
 * gateway, newest first, and a way to answer one as the member's phone would (platform
 * administrators only).
 */
@PrimaryPort
public interface SmsSandbox {

    boolean enabled();

    List<SandboxSms> messages();

    /** Simulates a reply from {@code from} (E.164), e.g. STOP. */
    void reply(String from, String text);
}
