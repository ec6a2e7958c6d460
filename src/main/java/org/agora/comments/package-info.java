/** Comments attached to any resource through a ResourceRef: threads, stances, votes. */
@org.springframework.modulith.ApplicationModule(displayName = "Comments")
package org.agora.comments;
