package io.portevoix.tenancy.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMS settings tenancy owns: the one-off fee in euros of an alphanumeric sender ID request
 * ({@code portevoix.sms.sender-id-fee}, 49.00 unless configured). The fee is billed outside the
 * credits and recorded on each request, so changing it later does not alter past requests.
 */
@ConfigurationProperties("portevoix.sms")
public record SenderIdSettings(@Nullable BigDecimal senderIdFee) {

    public static final BigDecimal DEFAULT_FEE = new BigDecimal("49.00");

    public SenderIdSettings {
        senderIdFee = senderIdFee == null ? DEFAULT_FEE : senderIdFee;
        if (senderIdFee.signum() < 0 || senderIdFee.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("portevoix.sms.sender-id-fee is a non-negative amount in euros, in cents at most");
        }
        senderIdFee = senderIdFee.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The fee in euros, two decimals. */
    public BigDecimal fee() {
        return senderIdFee == null ? DEFAULT_FEE : senderIdFee;
    }

    long feeCents() {
        return fee().movePointRight(2).longValueExact();
    }
}
