"""
Demo letters for the 领导信箱: answered and published ones, one still open, one answered but private
(its writer did not agree to publish). Names and phones are made up; the text is the team's own.
Idempotent: letters are looked up by subject.
"""

import datetime

from django.utils import timezone

from letters import services, workflow
from letters.models import Letter

# (days ago received, days to answer or None, township slug or None, kind, subject, body, answer, unit, consent)
LETTERS = [
    (
        40,
        6,
        "yuanmen",
        "suggest",
        "远门村东头路灯不亮",
        "远门村东头到村卫生室一段路的路灯坏了快一个月，晚上老人去卫生室看病很不方便，希望尽快修好。",
        "您好！接到留言后，镇村建办当天到现场查看，确认是线路老化造成的。远门村党支部已联系供电所更换线路和灯具，"
        "6盏路灯已全部恢复照明。感谢您对村里公共设施的关心。",
        "远门镇人民政府",
        True,
    ),
    (
        25,
        9,
        None,
        "consult",
        "流动党员组织关系怎么转接",
        "我在外地务工三年了，组织关系还在老家村里。想问问现在能不能在网上办理转接，需要准备什么材料？",
        "您好！流动党员组织关系转接可通过全国党员管理信息系统办理，由转出和转入党组织在线衔接。请先与务工所在地的"
        "党组织联系，确认接收后，由村党支部在系统中发起转出。如有疑问，可在工作日拨打县委组织部组织科电话咨询。",
        "县委组织部",
        True,
    ),
    (
        12,
        4,
        "shiqiao",
        "complain",
        "石桥镇便民服务中心午休无人值守",
        "上周三中午去镇便民服务中心办社保卡，窗口没有人，等了一个多小时。希望中午也能安排人值班。",
        "您好！经核实，当天值班人员临时外出未按规定安排替岗，镇里已对相关人员进行批评教育。自本周起，便民服务中心"
        "实行午间轮流值班，社保、民政窗口中午正常办理。给您带来不便，深表歉意。",
        "石桥镇人民政府",
        True,
    ),
    (
        9,
        5,
        "yuanmen",
        "other",
        "家中老人低保复核的情况",
        "我家老人的低保复核材料已经交了，想了解一下进度。这件事涉及家里的情况，不希望公开。",
        "您好！您家老人的复核材料齐全，已通过村级评议和镇级审核，现报县民政局审批，预计本月底前办结，届时村里会通知您。",
        "远门镇人民政府",
        False,
    ),
    (
        3,
        None,
        "yuanmen",
        "suggest",
        "建议在村党群服务中心增设农家书屋开放时间",
        "村党群服务中心的农家书屋只在工作日白天开放，孩子们放学和周末都用不上，建议周末也开放。",
        "",
        "",
        True,
    ),
]

WRITERS = [("张", "13800001111"), ("李", "13900002222"), ("王", "13700003333"), ("赵", "13600004444")]


def load(people, townships):
    """people: the demo logins by username; townships by slug. Returns how many letters were created."""
    created = 0
    now = timezone.now()
    for index, (ago, took, slug, kind, subject, body, answer, unit, consent) in enumerate(LETTERS):
        if Letter.objects.filter(subject=subject).exists():
            continue
        surname, phone = WRITERS[index % len(WRITERS)]
        letter = services.receive(
            kind=kind,
            subject=subject,
            body=body,
            township=townships.get(slug) if slug else None,
            name=f"{surname}先生",
            phone=phone,
            publish_consent=consent,
        )
        received = now - datetime.timedelta(days=ago)
        Letter.objects.filter(pk=letter.pk).update(received_at=received)
        letter.refresh_from_db()
        handler = people["yuanmen_editor"] if slug == "yuanmen" else people["county_reviewer"]
        workflow.accept(letter, handler)
        if took is not None:
            workflow.submit(letter, handler, answer, unit)
            workflow.approve(letter, people["county_reviewer"])
            Letter.objects.filter(pk=letter.pk).update(
                answered_at=received + datetime.timedelta(days=took), answer_submitted_at=received
            )
        letter.events.filter(action="received").update(created_at=received)
        letter.events.filter(action__in=["accepted", "submitted"]).update(
            created_at=received + datetime.timedelta(hours=2)
        )
        if took is not None:
            letter.events.filter(action="approved").update(created_at=received + datetime.timedelta(days=took))
        created += 1
    return created
