package io.portevoix.campaigns;

import io.portevoix.audience.Channel;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The campaign list's filters; archived campaigns show only when asked for. */
public record CampaignFilter(@Nullable String search, @Nullable CampaignStatus status, @Nullable Channel channel,
        @Nullable String author, @Nullable LocalDate from, @Nullable LocalDate to, boolean archived) {

    public static final CampaignFilter ALL = new CampaignFilter(null, null, null, null, null, null, false);
}
