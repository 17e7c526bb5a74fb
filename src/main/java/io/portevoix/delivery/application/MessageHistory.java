package io.portevoix.delivery.application;

import io.portevoix.audience.ContactId;
import io.portevoix.audience.SentMessage;
import io.portevoix.audience.spi.CommunicationHistory;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.RunContent;
import io.portevoix.campaigns.RunId;
import io.portevoix.delivery.application.port.Messages;
import io.portevoix.tenancy.TenantContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A member's messages from the outbox, with their campaign (looked up once per run). */
@Service
class MessageHistory implements CommunicationHistory {

    private final Messages messages;
    private final CampaignQueries campaigns;

    private final org.springframework.beans.factory.ObjectProvider<io.portevoix.delivery.spi.MemberEngagement> engagement;

    MessageHistory(Messages messages, CampaignQueries campaigns,
            org.springframework.beans.factory.ObjectProvider<io.portevoix.delivery.spi.MemberEngagement> engagement) {
        this.engagement = engagement;
        this.messages = messages;
        this.campaigns = campaigns;
    }

    @Override
    public List<SentMessage> messages(ContactId contact, int limit) {
        Map<RunId, Optional<RunContent>> runs = new HashMap<>();
        Map<RunId, String> names = new HashMap<>();
        io.portevoix.delivery.spi.MemberEngagement tracked = engagement.getIfAvailable();
        java.util.Set<io.portevoix.campaigns.CampaignId> opened = tracked == null ? java.util.Set.of() : tracked.opened(contact);
        java.util.Set<io.portevoix.campaigns.CampaignId> clicked = tracked == null ? java.util.Set.of() : tracked.clicked(contact);
        return messages.ofContact(TenantContext.requireAccount(), contact, limit).stream().flatMap(m -> {
            Optional<RunContent> run = runs.computeIfAbsent(m.run(), campaigns::runContent);
            if (run.isEmpty()) {
                return java.util.stream.Stream.empty();
            }
            String name = names.computeIfAbsent(m.run(), r -> campaigns.find(run.get().campaign())
                    .map(c -> c.name()).orElse(""));
            return java.util.stream.Stream.of(new SentMessage(run.get().campaign().toString(), name, m.run().toString(),
                    run.get().channel(), m.sentAt(), m.state(), opened.contains(run.get().campaign()),
                    clicked.contains(run.get().campaign())));
        }).toList();
    }

    @Override
    public List<io.portevoix.audience.ReceivedReply> replies(ContactId contact, int limit) {
        Map<io.portevoix.campaigns.CampaignId, String> names = new HashMap<>();
        return messages.repliesOf(TenantContext.requireAccount(), contact, limit).stream()
                .map(r -> new io.portevoix.audience.ReceivedReply(r.text(), r.stop(), r.at(), r.campaign() == null ? ""
                        : names.computeIfAbsent(r.campaign(), id -> campaigns.find(id).map(c -> c.name()).orElse(""))))
                .toList();
    }
}
