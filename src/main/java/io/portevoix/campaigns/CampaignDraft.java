package io.portevoix.campaigns;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a create or a PATCH: null leaves a field as it is (a create takes defaults).
 */
public record CampaignDraft(@Nullable String name, @Nullable String description, @Nullable Channel channel,
        @Nullable BroadcastType broadcastType, @Nullable Audience audience, @Nullable CampaignContent content) {
}
