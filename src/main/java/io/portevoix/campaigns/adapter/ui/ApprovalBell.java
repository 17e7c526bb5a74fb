package io.portevoix.campaigns.adapter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.shell.HeaderContribution;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;

/** In the header of an approver: how many campaigns wait for approval, one click to see them. */
@org.springframework.stereotype.Component
class ApprovalBell implements HeaderContribution {

    private final CampaignQueries queries;

    ApprovalBell(CampaignQueries queries) {
        this.queries = queries;
    }

    @Override
    public Component create() {
        boolean approver = TenantContext.currentAccount().isPresent()
                && (TenantContext.currentActorCan(Area.EMAIL_CAMPAIGNS, AccessLevel.APPROVER)
                        || TenantContext.currentActorCan(Area.SMS_CAMPAIGNS, AccessLevel.APPROVER));
        long pending = approver ? queries.pendingApprovals() : 0;
        if (pending == 0) {
            return new Span();
        }
        Button bell = new Button(Long.toString(pending), VaadinIcon.BELL.create(), e -> e.getSource().getUI().ifPresent(
                ui -> ui.navigate("campaigns", QueryParameters.of("status", CampaignStatus.PENDING_APPROVAL.name()))));
        bell.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        bell.setId("header-approvals");
        bell.getElement().setAttribute("title", UI.getCurrent().getTranslation("header.approvals", pending));
        bell.setAriaLabel(UI.getCurrent().getTranslation("header.approvals", pending));
        return bell;
    }

    @Override
    public int order() {
        return -10;
    }
}
