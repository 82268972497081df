package io.kefu.visit;

import org.springframework.data.jpa.repository.JpaRepository;

interface VisitCampaignRepository extends JpaRepository<VisitCampaign, Long> {
}
