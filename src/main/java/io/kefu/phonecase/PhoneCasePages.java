package io.kefu.phonecase;

import io.kefu.identity.CurrentUser;
import io.kefu.shared.ConflictException;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 转为个案 on the console's inquiry page ({@code /console/inquiries}): the same rules as
 * {@code POST /api/inquiries/{id}/phone-case}; the new case opens on its case page. An inquiry already a case links
 * to it.
 */
@Controller
class PhoneCasePages {

    private final PhoneCaseService cases;

    PhoneCasePages(PhoneCaseService cases) {
        this.cases = cases;
    }

    @PostMapping("/console/inquiries/{id}/phone-case")
    String open(@PathVariable long id, @RequestParam(required = false) String department,
            RedirectAttributes redirect) {
        try {
            PhoneCase opened = cases.openFromInquiry(id,
                    new PhoneCaseRequest(null, null, null, null, null, department, null), CurrentUser.get());
            redirect.addFlashAttribute("message", "已转为个案 " + opened.getCaseNo());
            return "redirect:/console/cases/" + opened.getCaseNo();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("message", "未能转为个案:" + String.join(";", e.fieldErrors().values()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/console/inquiries";
    }

    @GetMapping("/console/inquiries/{id}/phone-case")
    String show(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        PhoneCase phoneCase = cases.ofInquiry(id).filter(c -> PhoneCaseService.mayRead(c, user))
                .orElseThrow(() -> new NotFoundException("咨询 " + id + " 没有可查看的个案"));
        return "redirect:/console/cases/" + phoneCase.getCaseNo();
    }
}
