package org.agora.search;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SearchEntries extends JpaRepository<SearchEntry, Long> {

    Optional<SearchEntry> findByResourceTypeAndResourceId(String resourceType, long resourceId);

    List<SearchEntry> findByParentTypeAndParentId(String parentType, long parentId);

    List<SearchEntry> findByProcessIdAndResourceType(Long processId, String resourceType);
}
