/**
 * The library: a catalogue of local participation initiatives (proposed by anyone signed in, published by staff), the
 * regional network of organisations and initiatives, and a library of resources (documents, slides, videos by link),
 * with their Atom feeds. Other modules read what was published through {@link org.agora.library.LibraryCatalog} and
 * publish showcased projects through {@link org.agora.library.InitiativeManagement#publishShowcase}; the support
 * programmes' showcased projects arrive as {@link org.agora.programmes.ProjectShowcased} events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Library",
        allowedDependencies = {"shared", "territories", "accounts", "organisations", "programmes"})
package org.agora.library;
