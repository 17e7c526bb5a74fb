package io.portevoix.delivery.application;

import io.portevoix.delivery.SandboxSms;
import io.portevoix.delivery.SmsSandbox;
import io.portevoix.delivery.application.port.CapturedSms;
import io.portevoix.shared.PhoneNumber;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

@Service
class SmsSandboxService implements SmsSandbox {

    private final ObjectProvider<CapturedSms> captured;

    SmsSandboxService(ObjectProvider<CapturedSms> captured) {
        this.captured = captured;
    }

    @Override
    public boolean enabled() {
        CapturedSms sms = captured.getIfAvailable();
        return sms != null && sms.running();
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<SandboxSms> messages() {
        CapturedSms sms = captured.getIfAvailable();
        return sms == null ? List.of() : sms.all();
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public void reply(String from, String text) {
        CapturedSms sms = captured.getIfAvailable();
        if (sms == null) {
            throw new IllegalStateException("The SMS sandbox is not running");
        }
        sms.reply(new PhoneNumber(from).e164(), text);
    }
}
