package io.portevoix.delivery.application;

import io.portevoix.delivery.MailSandbox;
import io.portevoix.delivery.SandboxMessage;
import io.portevoix.delivery.application.port.CapturedMail;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

@Service
class SandboxService implements MailSandbox {

    private final CapturedMail captured;

    SandboxService(CapturedMail captured) {
        this.captured = captured;
    }

    @Override
    public boolean enabled() {
        return captured.running();
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<SandboxMessage> messages() {
        return captured.all();
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Optional<SandboxMessage> message(int id) {
        return captured.all().stream().filter(m -> m.id() == id).findFirst();
    }
}
