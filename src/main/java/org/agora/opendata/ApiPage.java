package org.agora.opendata;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The envelope of every list: one page of items, where it lies, and links to the neighbouring pages. */
@Schema(description = "One page of a list.")
record ApiPage<T>(
        @Schema(description = "The items of this page.") List<T> items,
        @Schema(description = "The page number, from 0.", example = "0") int page,
        @Schema(description = "Items per page (1 to 100).", example = "20") int size,
        @Schema(description = "How many items the whole list holds (see totalItemsExact).", example = "137") long totalItems,
        @Schema(description = "False when the list is longer than 10,000 items: totalItems is then 10,000, a lower bound. "
                + "Narrow the list with filters (dates) to page through it.", example = "true") boolean totalItemsExact,
        @Schema(description = "How many pages of this size the list holds.", example = "7") long totalPages,
        @Schema(description = "Links to this page and its neighbours (also sent in the Link header, RFC 8288).") Links links) {

    record Links(
            @Schema(description = "This page.", example = "https://agora.example/api/v1/proposals?page=1&size=20") String self,
            @Schema(description = "The first page.") String first,
            @Schema(description = "The previous page; null on the first.", nullable = true) String prev,
            @Schema(description = "The next page; null on the last.", nullable = true) String next,
            @Schema(description = "The last page.") String last) {
    }
}
