package io.portevoix.delivery.application;

import io.portevoix.delivery.application.port.SmsAccountSettings;
import io.portevoix.delivery.application.port.SmsGateway;
import io.portevoix.shared.AccountId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The installation's SMS gateways and the one an account's messages use: the account's choice
 * (Settings → SMS) when that gateway is configured; else {@code portevoix.delivery.sms.gateway};
 * else the first configured real gateway, else the demo sandbox; else none (SMS campaigns then
 * cannot be sent, and say so). Also the account's most parts per message.
 */
@Component
class SmsGateways {

    private final List<SmsGateway> all;
    private final DeliverySettings settings;
    private final SmsAccountSettings accounts;

    SmsGateways(List<SmsGateway> all, DeliverySettings settings, SmsAccountSettings accounts) {
        this.all = List.copyOf(all);
        this.settings = settings;
        this.accounts = accounts;
    }

    List<SmsGateway> all() {
        return all;
    }

    /** The gateway of the account (call with the account bound: its settings are read under row-level security). */
    Optional<SmsGateway> of(AccountId account) {
        Optional<String> chosen = accounts.find(account).map(SmsAccountSettings.Options::gateway).filter(g -> !g.isEmpty());
        return chosen.flatMap(this::named).or(this::installationDefault);
    }

    int maxParts(AccountId account) {
        return accounts.find(account).map(SmsAccountSettings.Options::maxParts).orElse(settings.sms().maxParts());
    }

    Optional<SmsGateway> installationDefault() {
        String wanted = settings.sms().gateway();
        if (!wanted.isEmpty()) {
            return named(wanted);
        }
        return all.stream().filter(g -> !g.name().equals("sandbox")).findFirst().or(() -> named("sandbox"));
    }

    private Optional<SmsGateway> named(String name) {
        return all.stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
