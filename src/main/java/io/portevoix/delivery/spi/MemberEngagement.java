package io.portevoix.delivery.spi;

import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import java.util.Set;

/** Which campaigns a member of the current account opened and clicked (people only), for their history. */
public interface MemberEngagement {

    Set<CampaignId> opened(ContactId contact);

    Set<CampaignId> clicked(ContactId contact);
}
