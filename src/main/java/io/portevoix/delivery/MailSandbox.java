package io.portevoix.delivery;

import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The demo sandbox: every message the platform sent while it runs without a real mail server,
 * newest first (platform administrators only).
 */
@PrimaryPort
public interface MailSandbox {

    /** Whether the sandbox captures mail in this installation. */
    boolean enabled();

    List<SandboxMessage> messages();

    Optional<SandboxMessage> message(int id);
}
