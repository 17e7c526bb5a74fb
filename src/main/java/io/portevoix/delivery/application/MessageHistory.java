package io.portevoix.delivery.application;

import io.portevoix.audience.ContactId;
import io.portevoix.audience.SentMessage;
import io.portevoix.audience.spi.CommunicationHistory;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.RunId;
import io.portevoix.delivery.application.port.Messages;
import io.portevoix.tenancy.TenantContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        io.portevoix.delivery.spi.MemberEngagement tracked = engagement.getIfAvailable();
        java.util.Set<io.portevoix.campaigns.CampaignId> opened = tracked == null ? java.util.Set.of() : tracked.opened(contact);
        java.util.Set<io.portevoix.campaigns.CampaignId> clicked = tracked == null ? java.util.Set.of() : tracked.clicked(contact);
        List<Messages.Sent> sent = messages.ofContact(TenantContext.requireAccount(), contact, limit);
        Map<RunId, io.portevoix.campaigns.RunLabel> labels = campaigns.runLabels(
                sent.stream().map(Messages.Sent::run).collect(java.util.stream.Collectors.toSet()));
        return sent.stream().filter(m -> labels.containsKey(m.run())).map(m -> {
            io.portevoix.campaigns.RunLabel run = labels.get(m.run());
            return new SentMessage(run.campaign().toString(), run.name(), m.run().toString(), run.channel(), m.sentAt(),
                    m.state(), opened.contains(run.campaign()), clicked.contains(run.campaign()));
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
