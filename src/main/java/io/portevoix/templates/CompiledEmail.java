package io.portevoix.templates;

import io.portevoix.audience.ContactDetails;

/**
 * An e-mail parsed once (subject, preheader, HTML with its legal footer, text alternative) that
 * renders for many recipients, from any thread.
 */
public interface CompiledEmail {

    RenderedEmail render(ContactDetails contact, RecipientLinks links);
}
