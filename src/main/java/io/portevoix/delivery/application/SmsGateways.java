package io.portevoix.delivery.application;

import io.portevoix.delivery.application.port.SmsGateway;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The installation's SMS gateways and the one messages use: {@code portevoix.delivery.sms.gateway}
 * names it; otherwise the first configured real gateway, else the demo sandbox, else none (SMS
 * campaigns then cannot be sent, and say so).
 */
@Component
class SmsGateways {

    private final List<SmsGateway> all;
    private final DeliverySettings settings;

    SmsGateways(List<SmsGateway> all, DeliverySettings settings) {
        this.all = List.copyOf(all);
        this.settings = settings;
    }

    List<SmsGateway> all() {
        return all;
    }

    Optional<SmsGateway> current() {
        String wanted = settings.sms().gateway();
        if (!wanted.isEmpty()) {
            return all.stream().filter(g -> g.name().equals(wanted)).findFirst();
        }
        return all.stream().filter(g -> !g.name().equals("sandbox")).findFirst()
                .or(() -> all.stream().filter(g -> g.name().equals("sandbox")).findFirst());
    }
}
