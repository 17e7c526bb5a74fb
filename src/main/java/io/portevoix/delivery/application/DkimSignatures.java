package io.portevoix.delivery.application;

import io.portevoix.delivery.DnsRecordStatus;
import io.portevoix.delivery.application.port.DkimSigning;
import io.portevoix.delivery.application.port.DomainKeys;
import io.portevoix.delivery.domain.SecretBox;
import io.portevoix.delivery.domain.SendingDomain;
import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.TenantContext;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How the mail of an account is signed: with the key of the From address's domain when the account
 * has one and the last verification found it published. The signer (Simple Java Mail's DKIM module)
 * checks the published key before it signs and refuses to sign with a key DNS does not show, so an
 * unpublished key would only make sends fail. A key that cannot be opened (the installation's secret
 * changed) sends unsigned and logs why: a missing signature is a warning, never a reason to hold
 * mail back.
 */
@Component
class DkimSignatures {

    private static final Logger LOG = LoggerFactory.getLogger(DkimSignatures.class);

    private final DomainKeys keys;
    private final DeliverySettings settings;

    DkimSignatures(DomainKeys keys, DeliverySettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    /** The signature for mail of {@code account} from {@code sender}, if its domain has a key in that account. */
    Optional<DkimSigning> forSender(AccountId account, String sender) {
        Optional<SendingDomain> domain;
        try {
            String name = SendingDomain.name(sender);
            domain = TenantContext.callAs(account, () -> keys.find(account, name));
        } catch (IllegalArgumentException notADomain) {
            return Optional.empty();
        }
        Optional<SecretBox> box = settings.secretBox();
        if (domain.isEmpty() || box.isEmpty()) {
            return Optional.empty();
        }
        SendingDomain d = domain.get();
        if (d.check() == null || d.check().dkim().status() != DnsRecordStatus.OK) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(box.get().open(SendingDomainService.purpose(account, d.domain()),
                    d.sealedPrivateKey()));
            return Optional.of(new DkimSigning(d.domain(), d.selector(), key));
        } catch (RuntimeException e) {
            LOG.warn("The DKIM key of {} could not be opened: its mail leaves unsigned", d.domain(), e);
            return Optional.empty();
        }
    }

    /** The signature for mail of the current account, if any is selected. */
    Optional<DkimSigning> forSender(String sender) {
        return TenantContext.currentAccount().flatMap(account -> forSender(account, sender));
    }
}
