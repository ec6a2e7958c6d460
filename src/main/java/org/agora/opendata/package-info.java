/**
 * Open data and interoperability: the public download page of datasets ({@code /donnees}), the REST API
 * ({@code /api/v1}) with its OpenAPI description, and webhooks. A sink: nothing depends on it; the datasets themselves
 * are {@link org.agora.shared.OpenDataset} beans that the owning modules declare.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open data and API")
package org.agora.opendata;
