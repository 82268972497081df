package io.kefu.demo;

import io.kefu.complaint.Channel;
import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.ComplaintIntake;
import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.Severity;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A living demo on the embedded default's first start: the demo staff, customers of every type and tier, and a few
 * complaints on their way. Deterministic (fixed seed), created once.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final int CUSTOMERS_PER_TYPE = 30;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"};
    private static final String[] CITIES = {"北京市朝阳区", "上海市浦东新区", "广州市天河区", "深圳市南山区", "杭州市西湖区", "成都市武侯区", "武汉市江汉区", "南京市鼓楼区", "昆明市五华区", "天津市和平区", "西安市雁塔区", "重庆市渝中区"};
    private static final String[] BRANDS = {"金辰", "恒泰", "佳禾", "瑞丰", "鑫源", "福瑞", "宏达", "康宁", "华美", "兴业", "安盛", "嘉和", "汇通", "万家", "锦程"};
    private static final String[] TRADES = {"商贸有限公司", "贸易有限公司", "连锁店", "便利店", "实业有限公司", "科技有限公司"};

    private final DemoUsers users;
    private final CustomerService customers;
    private final ComplaintService complaints;
    private final TransactionTemplate transaction;
    private final ZoneId zone;

    DemoData(DemoUsers users, CustomerService customers, ComplaintService complaints, TransactionTemplate transaction,
            ZoneId zone) {
        this.zone = zone;
        this.users = users;
        this.customers = customers;
        this.complaints = complaints;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.createMissing();
        if (DemoCustomers.count(customers) > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> createCustomers());
        transaction.executeWithoutResult(status -> createComplaints());
        log.info("Demo data created: {} customers", DemoCustomers.count(customers));
    }

    private void createCustomers() {
        Random random = new Random(20261123L);
        String[] specialists = {"agent", "agent2", null};
        for (CustomerType type : CustomerType.values()) {
            for (int i = 0; i < CUSTOMERS_PER_TYPE; i++) {
                CustomerTier tier = i % 6 == 0 ? CustomerTier.A : i % 3 == 0 ? CustomerTier.B : CustomerTier.C;
                String city = CITIES[random.nextInt(CITIES.length)];
                String person = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
                String name = type == CustomerType.MEMBER ? person
                        : city.substring(0, 2) + BRANDS[random.nextInt(BRANDS.length)] + TRADES[random.nextInt(TRADES.length)];
                String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
                int stores = switch (type) {
                    case FRANCHISEE -> 1 + random.nextInt(5);
                    case AGENT, DEALER -> random.nextInt(12);
                    case MEMBER -> 0;
                };
                LocalDate businessStart = LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
                // registered when its business started, so the monthly customer counts have a past to count from
                ClockUtil.setCurrentTime(Date.from(businessStart.atTime(10, 0).atZone(zone).toInstant()));
                try {
                    customers.register(new CustomerRequest(name, type, tier,
                            List.of(new ContactRequest(person, phone, type == CustomerType.MEMBER ? "本人" : "负责人")),
                            city + (10 + random.nextInt(800)) + "号", city.substring(0, 2), stores,
                            specialists[i % specialists.length], businessStart));
                } finally {
                    ClockUtil.reset();
                }
            }
        }
    }

    /** A few cases on their way, so Tasklist is not empty for the demo users. */
    private void createComplaints() {
        List<CustomerDetails> some = DemoCustomers.all(customers).stream().limit(4).toList();
        complaints.openCase(new ComplaintIntake(some.get(0).code(), "王先生", "13800138000", Channel.HOTLINE,
                ComplaintCategory.DELIVERY, Severity.MINOR, "上周订购的货品迟迟未送达,物流信息三天未更新。",
                "尽快送达并说明原因", null), "agent");
        complaints.openCase(new ComplaintIntake(some.get(1).code(), "李女士", "13900139000", Channel.WECHAT,
                ComplaintCategory.PRODUCT_QUALITY, Severity.MAJOR, "收到的一批商品包装破损,部分商品无法销售。",
                "退换货并补偿损失", null), "agent");
        complaints.openCase(new ComplaintIntake(some.get(2).code(), "张经理", "13700137000", Channel.HOTLINE,
                ComplaintCategory.SERVICE_ATTITUDE, Severity.CRITICAL, "业务员上门时态度恶劣,并承诺的返利未兑现。",
                "道歉并兑现返利", "sales"), "agent2");
    }
}
