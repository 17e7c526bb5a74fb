package io.portevoix.campaigns.application;

import io.portevoix.audience.AudienceQueries;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactQueries;
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
import java.util.ArrayList;
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
 * measured once; members are read a thousand at a time otherwise. Counting and freezing a run use
 * the same pass, so what the count shows is what the run reserves.
 */
@Component
class SmsPricing {

    static final int CHUNK = 1_000;

    private final AudienceQueries audiences;
    private final ContactQueries contacts;
    private final TemplateRenderer renderer;
    private final SmsRates rates;
    private final Outbox outbox;

    SmsPricing(AudienceQueries audiences, ContactQueries contacts, TemplateRenderer renderer, SmsRates rates, Outbox outbox) {
        this.audiences = audiences;
        this.contacts = contacts;
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
        CompiledSms sms = renderer.compileSms(text, c.broadcastType());
        int maxParts = outbox.maxSmsParts();
        boolean personalised = text.contains("{{") || text.contains("{%");
        int[] fixedParts = {-1};
        Map<String, OptionalInt> rateOf = new HashMap<>();
        List<Recipient> chunk = new ArrayList<>(CHUNK);
        Consumer<List<Recipient>> price = recipients -> {
            Map<ContactId, ContactDetails> members = new HashMap<>();
            if (personalised) {
                contacts.findAll(recipients.stream().map(Recipient::contactId).toList()).forEach(m -> members.put(m.id(), m));
            }
            for (Recipient r : recipients) {
                int parts;
                if (personalised) {
                    ContactDetails member = members.get(r.contactId());
                    if (member == null) {
                        continue;
                    }
                    parts = SmsLength.parts(outbox.smsAsSent(sms.render(member, RecipientLinks.PREVIEW)));
                } else {
                    if (fixedParts[0] < 0) {
                        fixedParts[0] = SmsLength.parts(outbox.smsAsSent(renderer.previewSms(text, null, c.broadcastType())));
                    }
                    parts = fixedParts[0];
                }
                String country = new PhoneNumber(r.address()).country();
                OptionalInt rate = rateOf.computeIfAbsent(country, rates::creditsPerPart);
                boolean addressable = rate.isPresent() && parts <= maxParts;
                each.accept(new Priced(r.contactId(), r.address(), country, parts,
                        rate.isPresent() ? parts * rate.getAsInt() : 0, addressable));
            }
        };
        audiences.recipients(c.audience(), Channel.SMS, c.broadcastType(), r -> {
            chunk.add(r);
            if (chunk.size() == CHUNK) {
                price.accept(chunk);
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            price.accept(chunk);
        }
    }

    /** The per-country table: countries with the most recipients first. */
    static final class Table implements Consumer<Priced> {

        private final Set<String> excluded;
        private final Map<String, long[]> lines = new TreeMap<>();
        private final Map<String, Integer> rates = new HashMap<>();
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
