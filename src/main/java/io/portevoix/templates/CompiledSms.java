package io.portevoix.templates;

import io.portevoix.audience.ContactDetails;

/** An SMS text parsed once (with the opt-out mention for marketing) that renders for many recipients. */
public interface CompiledSms {

    String render(ContactDetails contact, RecipientLinks links);
}
