package io.portevoix.campaigns;

import org.jspecify.annotations.Nullable;

/** After a send request: sending, scheduled or waiting for approval, and the run when one started. */
public record SendResult(CampaignStatus status, @Nullable RunId runId) {
}
