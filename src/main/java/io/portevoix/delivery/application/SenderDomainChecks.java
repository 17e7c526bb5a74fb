package io.portevoix.delivery.application;

import io.portevoix.campaigns.spi.SenderDomainState;
import io.portevoix.campaigns.spi.SenderDomains;
import io.portevoix.delivery.DnsRecordStatus;
import io.portevoix.delivery.application.port.DomainKeys;
import io.portevoix.delivery.domain.SendingDomain;
import io.portevoix.tenancy.TenantContext;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells campaigns how a From domain is set up in the current account (its key, its last DNS verification). */
@Component
class SenderDomainChecks implements SenderDomains {

    private final DomainKeys keys;

    SenderDomainChecks(DomainKeys keys) {
        this.keys = keys;
    }

    @Override
    @Transactional(readOnly = true)
    public SenderDomainState state(String fromEmail) {
        Optional<SendingDomain> found;
        try {
            found = keys.find(TenantContext.requireAccount(), SendingDomain.name(fromEmail));
        } catch (IllegalArgumentException notADomain) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return SenderDomainState.NO_KEY;
        }
        SendingDomain.Check check = found.get().check();
        if (check == null || check.unreachable()) {
            return new SenderDomainState(true, false, false, false, false);
        }
        return new SenderDomainState(true, true, check.spf().status() == DnsRecordStatus.MISSING,
                check.dkim().status() != DnsRecordStatus.OK, check.dmarc().status() == DnsRecordStatus.MISSING);
    }
}
