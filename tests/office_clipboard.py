"""What Word and WPS put on the clipboard as text/html, in their real structure (our own text): the editor's
paste cleaning (static/js/editor/clerk.js) and the server's (articles/richtext.py) are both tested on these."""

# Word for Windows: a <head> with <xml> settings and a <style> block, a fragment between StartFragment
# comments, MsoNormal paragraphs with fonts on every span, empty <o:p> paragraphs, a 标题 1 heading,
# bulleted and numbered lists as mso-list paragraphs (the bullet typed out in a mso-list:Ignore span inside
# conditional comments), and a MsoTableGrid table with paragraphs in its cells.
WORD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15"><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View>
<w:Zoom>0</w:Zoom><w:TrackMoves>false</w:TrackMoves></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt; font-family:等线;}
@list l0:level1 {mso-level-number-format:bullet; mso-level-text:\\F0B7;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word'>
<!--StartFragment--><h1 style='margin:17.0pt 0cm 16.5pt 0cm;mso-outline-level:1'><span
style='font-family:黑体;mso-ascii-font-family:"Times New Roman"'>一、基本情况<o:p></o:p></span></h1>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;
font-family:仿宋_GB2312'>　　今年以来，石桥镇党委<b>坚持把党建引领</b>贯穿基层治理全过程。<span
lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal><span lang=EN-US style='font-size:16.0pt'><o:p>&nbsp;</o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span lang=EN-US style='font-family:Symbol;mso-fareast-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span style='font-family:仿宋_GB2312'>组织党员志愿服务12场<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span lang=EN-US style='font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
style='font-family:仿宋_GB2312'>走访困难群众86户<o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if
!supportLists]><span lang=EN-US><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]><span style='font-family:仿宋_GB2312'>召开专题会议<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if
!supportLists]><span lang=EN-US><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]><span style='font-family:仿宋_GB2312'>落实整改措施<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;
mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>
<tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'><td width=184 valign=top style='width:138.25pt;border:solid
windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b><span style='font-family:黑体'>村（社区）<o:p></o:p></span></b></p></td>
<td width=184 valign=top style='width:138.25pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b><span
style='font-family:黑体'>参与党员<o:p></o:p></span></b></p></td></tr>
<tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'><td width=184 valign=top style='width:138.25pt'><p
class=MsoNormal><span style='font-family:仿宋_GB2312'>石桥村<o:p></o:p></span></p></td>
<td width=184 valign=top style='width:138.25pt'><p class=MsoNormal><span lang=EN-US>46<o:p></o:p></span></p></td></tr>
</table>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<!--EndFragment--></body></html>"""

# WPS Office (金山): the same Office namespaces and mso- styles, but bold written as a span style rather than
# <b>, mso-spacerun spans, font names as the Chinese family names WPS uses, and <o:p> in every paragraph.
WPS = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="ProgId" content="Word.Document">
<style>p.MsoNormal{mso-style-name:正文;mso-pagination:none;text-align:justify;font-family:Calibri;}</style></head>
<body><!--StartFragment--><p class="MsoNormal" align="center" style="text-align:center;"><span
style="mso-spacerun:'yes';font-family:方正小标宋简体;font-size:22.0000pt;font-weight:bold;">关于开展主题党日活动的通知</span><span
style="font-family:方正小标宋简体;font-size:22.0000pt;"><o:p></o:p></span></p>
<p class="MsoNormal" style="text-indent:32.0000pt;"><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;
font-size:16.0000pt;">各村（社区）党组织：</span><span style="font-family:仿宋_GB2312;font-size:16.0000pt;"><o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-family:仿宋_GB2312;font-size:16.0000pt;"><o:p>&nbsp;</o:p></span></p>
<p class="MsoNormal" style="text-indent:32.0000pt;"><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;
font-size:16.0000pt;">活动时间定于</span><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-weight:bold;
font-size:16.0000pt;">每月第一个星期五</span><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;
font-size:16.0000pt;">。</span><span style="font-family:仿宋_GB2312;font-size:16.0000pt;"><o:p></o:p></span></p>
<!--EndFragment--></body></html>"""
