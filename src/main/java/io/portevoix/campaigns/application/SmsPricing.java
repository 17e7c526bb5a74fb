package io.portevoix.campaigns.application;

import io.portevoix.audience.AudienceQueries;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.Recipient;
import io.portevoix.billing.SmsRates;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CountryCount;
import io.portevoix.campaigns.spi.Outbox;
import io.portevoix.campaigns.spi.SmsRecipient;
import io.portevoix.shared.PhoneNumber;
import io.portevoix.templates.CompiledSms;
import io.portevoix.templates.RecipientLinks;
import io.portevoix.templates.SmsLength;
import io.portevoix.templates.TemplateRenderer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Prices an SMS campaign recipient by recipient: the text rendered with the member's data, its
 * links as long as the short links that will replace them, its parts per GSM 03.38, the
 * destination country from the E.164 prefix and that country's rate. A text without merge tags is
 * measured once; otherwise members are read with the recipients, in the same statement, and a
 * text shared by several members is measured once. Counting and freezing a run use
 * the same pass, so what the count shows is what the run reserves.
 */
@Component
class SmsPricing {

    static final int CHUNK = 1_000;
    static final int DISTINCT_TEXTS = 10_000;

    private final AudienceQueries audiences;
    private final TemplateRenderer renderer;
    private final SmsRates rates;
    private final Outbox outbox;

    SmsPricing(AudienceQueries audiences, TemplateRenderer renderer, SmsRates rates, Outbox outbox) {
        this.audiences = audiences;
        this.renderer = renderer;
        this.rates = rates;
        this.outbox = outbox;
    }

    /** One recipient priced: {@code addressable} false when its text needs too many parts or its country has no price. */
    record Priced(ContactId contact, String mobile, String country, int parts, int credits, boolean addressable) {

        SmsRecipient recipient() {
            return new SmsRecipient(contact, mobile, country, parts, credits);
        }
    }

    /** Prices every recipient of the campaign's audience, in the audience's order. Call inside a transaction. */
    void each(CampaignDetails c, Consumer<Priced> each) {
        String text = c.content().text();
        int maxParts = outbox.maxSmsParts();
        Map<String, OptionalInt> rateOf = new HashMap<>();
        if (text.contains("{{") || text.contains("{%")) {
            CompiledSms sms = renderer.compileSms(text, c.broadcastType());
            Map<String, Integer> partsOf = new HashMap<>();
            audiences.recipientsWithDetails(c.audience(), Channel.SMS, c.broadcastType(), (r, member) -> each.accept(
                    priced(r, parts(sms.render(member, RecipientLinks.PREVIEW), partsOf), maxParts, rateOf)));
        } else {
            int[] fixedParts = {-1};
            audiences.recipients(c.audience(), Channel.SMS, c.broadcastType(), r -> {
                if (fixedParts[0] < 0) {
                    fixedParts[0] = SmsLength.parts(outbox.smsAsSent(renderer.previewSms(text, null, c.broadcastType())));
                }
                each.accept(priced(r, fixedParts[0], maxParts, rateOf));
            });
        }
    }

    /**
     * The parts of a rendered text once its links have their short length. Members who share the
     * values the text uses (a first name, most often) share the text: it is measured once, up to
     * {@value #DISTINCT_TEXTS} distinct texts.
     */
    private int parts(String rendered, Map<String, Integer> partsOf) {
        Integer known = partsOf.get(rendered);
        if (known != null) {
            return known;
        }
        int parts = SmsLength.parts(outbox.smsAsSent(rendered));
        if (partsOf.size() < DISTINCT_TEXTS) {
            partsOf.put(rendered, parts);
        }
        return parts;
    }

    private Priced priced(Recipient r, int parts, int maxParts, Map<String, OptionalInt> rateOf) {
        String country = new PhoneNumber(r.address()).country();
        OptionalInt rate = rateOf.computeIfAbsent(country, rates::creditsPerPart);
        return new Priced(r.contactId(), r.address(), country, parts, rate.isPresent() ? parts * rate.getAsInt() : 0,
                rate.isPresent() && parts <= maxParts);
    }

    /** The per-country table: countries with the most recipients first. */
    static final class Table implements Consumer<Priced> {

        private final Set<String> excluded;
        private final Map<String, long[]> lines = new TreeMap<>();
        private final SmsRates priceList;

        Table(Set<String> excluded, SmsRates priceList) {
            this.excluded = excluded;
            this.priceList = priceList;
        }

        @Override
        public void accept(Priced p) {
            long[] l = lines.computeIfAbsent(p.country(), k -> new long[7]);
            l[0]++;
            if (!p.addressable()) {
                l[1]++;
                return;
            }
            l[Math.min(p.parts(), 3) + 1]++;
            l[5] += p.parts();
            l[6] += p.credits();
        }

        List<CountryCount> lines() {
            return lines.entrySet().stream().map(e -> {
                long[] l = e.getValue();
                OptionalInt rate = priceList.creditsPerPart(e.getKey());
                return new CountryCount(e.getKey(), l[0], l[1], l[2], l[3], l[4], l[5], l[6],
                        rate.isPresent() ? rate.getAsInt() : null, excluded.contains(e.getKey()));
            }).sorted(Comparator.comparingLong(CountryCount::recipients).reversed().thenComparing(CountryCount::country))
                    .toList();
        }
    }
}
