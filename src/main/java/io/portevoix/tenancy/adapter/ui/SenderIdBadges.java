package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import io.portevoix.tenancy.SenderIdStatus;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** What the account's and the administrator's sender ID screens show alike. */
final class SenderIdBadges {

    private SenderIdBadges() {
    }

    static Span status(Component owner, SenderIdStatus status) {
        Span badge = new Span(owner.getTranslation("senderIds.status." + status.name()));
        badge.getElement().getThemeList().add(switch (status) {
            case REQUESTED -> "badge";
            case APPROVED -> "badge success";
            case REFUSED -> "badge error";
            case WITHDRAWN -> "badge contrast";
        });
        return badge;
    }

    static String euros(Locale locale, BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty()
                ? Locale.of(locale.getLanguage(), "FR") : locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }
}
