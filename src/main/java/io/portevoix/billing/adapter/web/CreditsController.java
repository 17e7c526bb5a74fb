package io.portevoix.billing.adapter.web;

import io.portevoix.billing.CreditBalance;
import io.portevoix.billing.CreditQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/credits", produces = "application/json")
@Tag(name = "Credits", description = "The account's credits: 1 per e-mail recipient, parts × country rate per SMS")
class CreditsController {

    private final CreditQueries credits;

    CreditsController(CreditQueries credits) {
        this.credits = credits;
    }

    /** The credits as the API shows them. */
    record CreditsResponse(long balance, long reserved) {
    }

    @GetMapping
    @Operation(summary = "The account's credit balance and the part reserved for sends in progress")
    CreditsResponse get() {
        CreditBalance balance = credits.balance();
        return new CreditsResponse(balance.balance(), balance.reserved());
    }
}
