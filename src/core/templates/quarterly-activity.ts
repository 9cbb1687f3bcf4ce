// Báo cáo hoạt động công đoàn (quarterly activity report), after seed 002: LĐLĐ tỉnh Lai Châu,
// Số 62/BC-LĐLĐ, quý I/2024. The same template serves 6-month, 9-month and annual reports.
// Items 1–10 of part I follow the seed; items 11–12 hold the membership and representation
// figures that 6-month and annual reports of a province give (seed 001's per-province footnotes).
import type { TemplateInput } from "../model/schema";
import { workplaceMeetings } from "./catalog";

const RECIPIENTS = [
  "Tổng LĐLĐ Việt Nam;",
  "Văn phòng Tỉnh ủy, UBND tỉnh;",
  "Ban Dân vận Tỉnh ủy;",
  "UBMTTQ và các đoàn thể tỉnh;",
  "TT, Các Ban LĐLĐ tỉnh;",
  "LĐLĐ huyện, Thành phố, CĐN, CĐVC;",
  "Lưu: VT.",
];

export const quarterlyActivity: TemplateInput = {
  id: "quarterly-activity",
  version: "1.0.0",
  title: "Báo cáo hoạt động công đoàn (quý, 6 tháng, 9 tháng, năm)",
  titleEn: "Trade-union activity report (quarter, half-year, 9 months, year)",
  description:
    "Kết quả hoạt động trong kỳ theo từng mặt công tác, hạn chế và nhiệm vụ trọng tâm kỳ sau; theo mẫu Báo cáo số 62/BC-LĐLĐ của LĐLĐ tỉnh Lai Châu.",
  descriptionEn: "Results by area of work, shortcomings and priorities for the next period.",
  source: "seed 002 (Số 62/BC-LĐLĐ, LĐLĐ tỉnh Lai Châu, quý I/2024)",
  docType: "BC",
  periodKinds: ["quarter", "half", "nineMonths", "year"],
  titlePattern: "Hoạt động công tác Công đoàn {period}, nhiệm vụ trọng tâm {nextPeriod}",
  header: {
    parentBody: "TỔNG LĐLĐ VIỆT NAM",
    signerAuthority: "TM. BAN THƯỜNG VỤ",
    signerTitle: "CHỦ TỊCH",
    recipients: RECIPIENTS,
    symbol: "LĐLĐ",
  },
  preamble: {
    prompt:
      "Tình hình tư tưởng của đoàn viên, CNVCLĐ trong kỳ: niềm tin vào chủ trương của Đảng, chính sách pháp luật của Nhà nước; sự kiện nổi bật của địa phương.",
    required: true,
  },
  baselines: ["lastYear"],
  carryTasks: { from: "nhiem_vu", to: ["ket_qua"] },
  sections: [
    {
      id: "ket_qua",
      number: "I",
      level: "roman",
      heading: "Kết quả triển khai thực hiện nhiệm vụ {period}",
      headingEn: "Results for {period}",
      sheetName: "I. Kết quả",
      children: [
        {
          id: "tuyen_truyen",
          number: "1",
          level: "arabic",
          heading: "Công tác tuyên truyền, giáo dục",
          sentences: [
            { id: "buoi", text: "Tổ chức {tt_so_buoi} buổi tuyên truyền cho đoàn viên, CNVCLĐ" },
            {
              id: "luot",
              text: "Các hoạt động tuyên truyền thu hút {tt_luot_tham_gia} lượt đoàn viên, CNVCLĐ tham gia",
            },
            {
              id: "tin_bai",
              text: "Đăng tải {tt_tin_bai} tin, bài, phóng sự về hoạt động công đoàn",
            },
          ],
          prompt:
            "Tuyên truyền chỉ thị, nghị quyết của Đảng, chính sách pháp luật của Nhà nước, nghị quyết công đoàn; các ngày kỷ niệm lớn. Nêu số buổi, số lượt đoàn viên, CNVCLĐ tham gia, tin bài.",
          text: { required: false },
          indicators: [
            {
              id: "tt_so_buoi",
              label: "Số buổi tuyên truyền",
              unit: "buổi",
              type: "integer",
              phrase: "buổi tuyên truyền",
            },
            {
              id: "tt_luot_tham_gia",
              label: "Số lượt đoàn viên, CNVCLĐ tham gia",
              unit: "lượt",
              type: "integer",
              phrase: "lượt đoàn viên, CNVCLĐ tham gia",
            },
            {
              id: "tt_tin_bai",
              label: "Tin, bài, phóng sự",
              unit: "tin, bài",
              type: "integer",
              phrase: "tin, bài, phóng sự",
            },
          ],
        },
        {
          id: "cham_lo",
          number: "2",
          level: "arabic",
          heading: "Chăm lo đời sống đoàn viên, CNVCLĐ",
          sentences: [
            {
              id: "qua_tet",
              text: "LĐLĐ tỉnh đã phân bổ, quyết định hỗ trợ quà Tết cho {qua_tet_ldld_nguoi} đoàn viên, người lao động có hoàn cảnh khó khăn[ với tổng số tiền {qua_tet_ldld_tien}]",
            },
            {
              id: "qua_tet_tien",
              text: "LĐLĐ tỉnh hỗ trợ quà Tết cho đoàn viên, người lao động có hoàn cảnh khó khăn với tổng số tiền {qua_tet_ldld_tien}",
            },
            {
              id: "cho_tet",
              text: "Phân bổ {cho_tet_suat} suất quà cho đoàn viên tham gia Chương trình “Chợ Tết Công đoàn” qua sàn giao dịch thương mại điện tử do Tổng Liên đoàn tổ chức[ với tổng số tiền {cho_tet_tien}]",
            },
            {
              id: "cho_tet_tien",
              text: "Đoàn viên tham gia Chương trình “Chợ Tết Công đoàn” do Tổng Liên đoàn tổ chức được hỗ trợ với tổng số tiền {cho_tet_tien}",
            },
            {
              id: "sum_vay_tinh",
              text: "Tại Chương trình “Tết Sum vầy - Xuân chia sẻ” của tỉnh đã trao {sum_vay_tinh_suat} suất quà cho đoàn viên, người lao động có hoàn cảnh khó khăn[ với tổng giá trị {sum_vay_tinh_tien}]",
            },
            {
              id: "sum_vay_tinh_tien",
              text: "Chương trình “Tết Sum vầy - Xuân chia sẻ” của tỉnh trao quà cho đoàn viên, người lao động có hoàn cảnh khó khăn với tổng giá trị {sum_vay_tinh_tien}",
            },
            {
              id: "sum_vay_huyen",
              text: "Tổ chức Chương trình “Tết Sum vầy - Xuân chia sẻ”, “Chợ Tết Công đoàn” tại huyện, đã trao {sum_vay_huyen_suat} suất quà và phiếu mua hàng[ với tổng trị giá {sum_vay_huyen_tien}]",
            },
            {
              id: "sum_vay_huyen_tien",
              text: "Chương trình “Tết Sum vầy - Xuân chia sẻ”, “Chợ Tết Công đoàn” tại huyện trao quà và phiếu mua hàng với tổng trị giá {sum_vay_huyen_tien}",
            },
            {
              id: "tham_tang_qua",
              text: "Phối hợp với các cơ quan, đoàn thể đi thăm và tặng quà cho đoàn viên, người lao động nhân dịp Tết với tổng số tiền {tham_tang_qua_tien}",
            },
            {
              id: "ho_tro",
              text: "Quyết định hỗ trợ cho {ho_tro_kho_khan_nguoi} đoàn viên, con đoàn viên mắc bệnh hiểm nghèo, chữa trị dài ngày và đoàn viên bị tai nạn lao động[ với tổng số tiền {ho_tro_kho_khan_tien}]",
            },
            {
              id: "ho_tro_tien",
              text: "Hỗ trợ đoàn viên mắc bệnh hiểm nghèo, chữa trị dài ngày và đoàn viên bị tai nạn lao động với tổng số tiền {ho_tro_kho_khan_tien}",
            },
            {
              id: "vay_von",
              text: "Quyết định phê duyệt {vay_von_du_an} dự án vay vốn từ Quỹ quốc gia giải quyết việc làm[ với tổng số tiền {vay_von_tien}]",
            },
            {
              id: "vay_von_tien",
              text: "Phê duyệt cho vay vốn từ Quỹ quốc gia giải quyết việc làm với tổng số tiền {vay_von_tien}",
            },
            {
              id: "tu_thien",
              text: "Phối hợp tổ chức các hoạt động xã hội, từ thiện, trao quà cho học sinh, nhà trường với tổng số tiền {tu_thien_tien}",
            },
            {
              id: "mai_am",
              text: "Hỗ trợ xây mới, sửa chữa {mai_am_nha} nhà “Mái ấm Công đoàn” cho đoàn viên có hoàn cảnh khó khăn về nhà ở[ với tổng số tiền {mai_am_tien}]",
            },
            {
              id: "mai_am_tien",
              text: "Hỗ trợ xây mới, sửa chữa nhà “Mái ấm Công đoàn” cho đoàn viên có hoàn cảnh khó khăn về nhà ở với tổng số tiền {mai_am_tien}",
            },
            {
              id: "cdcs_qua",
              text: "Các công đoàn cơ sở trong tỉnh tổ chức hỗ trợ, tặng quà Tết cho đoàn viên, CNVCLĐ có hoàn cảnh khó khăn với {cdcs_qua_suat} suất quà[, với tổng số tiền {cdcs_qua_tien}]",
            },
            {
              id: "cdcs_qua_tien",
              text: "Các công đoàn cơ sở trong tỉnh tổ chức hỗ trợ, tặng quà Tết cho đoàn viên, CNVCLĐ có hoàn cảnh khó khăn với tổng số tiền {cdcs_qua_tien}",
            },
          ],
          prompt:
            "Chăm lo Tết, hỗ trợ đoàn viên khó khăn, ốm đau, tai nạn lao động; chương trình Tết Sum vầy, Chợ Tết Công đoàn; Mái ấm Công đoàn; vay vốn giải quyết việc làm. Ghi số suất quà, số người và số tiền của từng hoạt động.",
          text: { required: false },
          indicators: [
            {
              id: "qua_tet_ldld_nguoi",
              label: "LĐLĐ tỉnh hỗ trợ quà Tết: số đoàn viên, NLĐ",
              unit: "người",
              type: "integer",
            },
            {
              id: "qua_tet_ldld_tien",
              label: "LĐLĐ tỉnh hỗ trợ quà Tết: số tiền",
              unit: "đồng",
              type: "money",
            },
            {
              id: "cho_tet_suat",
              label: "Chợ Tết Công đoàn: số suất quà",
              unit: "suất",
              type: "integer",
            },
            {
              id: "cho_tet_tien",
              label: "Chợ Tết Công đoàn: số tiền",
              unit: "đồng",
              type: "money",
            },
            {
              id: "sum_vay_tinh_suat",
              label: 'Chương trình "Tết Sum vầy" cấp tỉnh: số suất quà',
              unit: "suất",
              type: "integer",
            },
            {
              id: "sum_vay_tinh_tien",
              label: 'Chương trình "Tết Sum vầy" cấp tỉnh: tổng giá trị',
              unit: "đồng",
              type: "money",
            },
            {
              id: "sum_vay_huyen_suat",
              label: '"Tết Sum vầy", "Chợ Tết Công đoàn" tại huyện: số suất quà, phiếu mua hàng',
              unit: "suất",
              type: "integer",
            },
            {
              id: "sum_vay_huyen_tien",
              label: '"Tết Sum vầy", "Chợ Tết Công đoàn" tại huyện: tổng giá trị',
              unit: "đồng",
              type: "money",
            },
            {
              id: "tham_tang_qua_tien",
              label: "Thăm, tặng quà phối hợp với các cơ quan, đoàn thể: số tiền",
              unit: "đồng",
              type: "money",
            },
            {
              id: "ho_tro_kho_khan_nguoi",
              label: "Hỗ trợ đoàn viên mắc bệnh hiểm nghèo, tai nạn lao động: số người",
              unit: "người",
              type: "integer",
            },
            {
              id: "ho_tro_kho_khan_tien",
              label: "Hỗ trợ đoàn viên mắc bệnh hiểm nghèo, tai nạn lao động: số tiền",
              unit: "đồng",
              type: "money",
            },
            {
              id: "vay_von_du_an",
              label: "Dự án vay vốn Quỹ quốc gia giải quyết việc làm được duyệt",
              unit: "dự án",
              type: "integer",
            },
            {
              id: "vay_von_tien",
              label: "Số tiền vay vốn được duyệt",
              unit: "đồng",
              type: "money",
            },
            {
              id: "tu_thien_tien",
              label: "Hoạt động xã hội, từ thiện: số tiền",
              unit: "đồng",
              type: "money",
            },
            {
              id: "mai_am_nha",
              label: 'Nhà "Mái ấm Công đoàn" xây mới, sửa chữa',
              unit: "nhà",
              type: "integer",
            },
            {
              id: "mai_am_tien",
              label: 'Nhà "Mái ấm Công đoàn": số tiền hỗ trợ',
              unit: "đồng",
              type: "money",
            },
            {
              id: "cdcs_qua_suat",
              label: "Công đoàn cơ sở tặng quà: số suất",
              unit: "suất",
              type: "integer",
            },
            {
              id: "cdcs_qua_tien",
              label: "Công đoàn cơ sở tặng quà: số tiền",
              unit: "đồng",
              type: "money",
            },
          ],
        },
        {
          id: "thi_dua",
          number: "3",
          level: "arabic",
          heading: "Công tác thi đua, khen thưởng",
          sentences: [
            {
              id: "ldld",
              text: "LĐLĐ tỉnh quyết định tặng[ cờ thi đua cho {kt_co_thi_dua@ldld_tinh} tập thể][; Bằng khen cho[ {kt_bang_khen_tap_the@ldld_tinh} tập thể][, {kt_bang_khen_ca_nhan@ldld_tinh} cá nhân]][; Giấy khen cho[ {kt_giay_khen_tap_the@ldld_tinh} tập thể][, {kt_giay_khen_ca_nhan@ldld_tinh} cá nhân]]",
            },
            {
              id: "ubnd",
              text: "UBND tỉnh tặng[ cờ thi đua cho {kt_co_thi_dua@ubnd_tinh} tập thể][; Bằng khen cho[ {kt_bang_khen_tap_the@ubnd_tinh} tập thể][, {kt_bang_khen_ca_nhan@ubnd_tinh} cá nhân]][; Giấy khen cho[ {kt_giay_khen_tap_the@ubnd_tinh} tập thể][, {kt_giay_khen_ca_nhan@ubnd_tinh} cá nhân]]",
            },
            {
              id: "tld",
              text: "Tổng Liên đoàn Lao động Việt Nam tặng[ cờ thi đua cho {kt_co_thi_dua@tld} tập thể][; tặng Bằng khen cho[ {kt_bang_khen_tap_the@tld} tập thể][, {kt_bang_khen_ca_nhan@tld} cá nhân]][; Giấy khen cho[ {kt_giay_khen_tap_the@tld} tập thể][, {kt_giay_khen_ca_nhan@tld} cá nhân]]",
            },
          ],
          prompt:
            "Tổng kết, phát động phong trào thi đua; số tập thể, cá nhân được khen thưởng theo cấp khen (nhập ở bảng Khen thưởng).",
          text: { required: false },
          tables: [
            {
              id: "khen_thuong",
              title: "Kết quả khen thưởng trong kỳ",
              sheetName: "Bảng khen thưởng",
              kind: "fixed",
              rowHeader: "Cấp khen thưởng",
              rows: [
                { id: "tld", label: "Tổng LĐLĐ Việt Nam" },
                { id: "ubnd_tinh", label: "UBND tỉnh" },
                { id: "ldld_tinh", label: "LĐLĐ tỉnh" },
              ],
              columns: [
                {
                  id: "kt_co_thi_dua",
                  label: "Cờ thi đua",
                  unit: "tập thể",
                  type: "integer",
                  group: "Cờ thi đua",
                },
                {
                  id: "kt_bang_khen_tap_the",
                  label: "Tập thể",
                  unit: "tập thể",
                  type: "integer",
                  group: "Bằng khen",
                },
                {
                  id: "kt_bang_khen_ca_nhan",
                  label: "Cá nhân",
                  unit: "cá nhân",
                  type: "integer",
                  group: "Bằng khen",
                },
                {
                  id: "kt_giay_khen_tap_the",
                  label: "Tập thể",
                  unit: "tập thể",
                  type: "integer",
                  group: "Giấy khen",
                },
                {
                  id: "kt_giay_khen_ca_nhan",
                  label: "Cá nhân",
                  unit: "cá nhân",
                  type: "integer",
                  group: "Giấy khen",
                },
              ],
              total: true,
              appendix: false,
            },
          ],
        },
        {
          id: "hoi_nghi_bch",
          number: "4",
          level: "arabic",
          heading: "Hội nghị Ban Chấp hành, giao chỉ tiêu, hội thi",
          prompt:
            "Hội nghị Ban Chấp hành (mở rộng); giao chỉ tiêu nhiệm vụ cho công đoàn cấp trên trực tiếp cơ sở; kế hoạch hội thi.",
          text: { required: false },
        },
        {
          id: "quan_triet",
          number: "5",
          level: "arabic",
          heading: "Nghiên cứu, học tập, quán triệt nghị quyết",
          sentences: [
            {
              id: "nguoi",
              text: "Hội nghị nghiên cứu, học tập, quán triệt nghị quyết có {quan_triet_nguoi} đồng chí tham dự",
            },
          ],
          prompt:
            "Hội nghị nghiên cứu, học tập, quán triệt nghị quyết Đại hội Công đoàn các cấp: đối tượng và số người tham dự.",
          text: { required: false },
          indicators: [
            {
              id: "quan_triet_nguoi",
              label: "Số cán bộ tham dự hội nghị quán triệt",
              unit: "người",
              type: "integer",
              phrase: "đồng chí tham dự",
            },
          ],
        },
        {
          id: "nu_cong",
          number: "6",
          level: "arabic",
          heading: "Công tác nữ công",
          sentences: [
            {
              id: "dai_bieu",
              text: "Các hoạt động nữ công có sự tham gia của {nu_cong_dai_bieu} đại biểu",
            },
          ],
          prompt:
            "Hoạt động kỷ niệm Ngày Quốc tế Phụ nữ 8/3, nói chuyện chuyên đề, chương trình phối hợp; số đại biểu tham dự.",
          text: { required: false },
          indicators: [
            {
              id: "nu_cong_dai_bieu",
              label: "Số đại biểu tham dự hoạt động nữ công",
              unit: "đại biểu",
              type: "integer",
              phrase: "đại biểu",
            },
          ],
        },
        {
          id: "tai_chinh",
          number: "7",
          level: "arabic",
          heading: "Công tác tài chính, tài sản công đoàn",
          sentences: [
            {
              id: "kpcd",
              text: "Thu kinh phí công đoàn đạt {kpcd_thuc_hien}[ (kế hoạch {kpcd_ke_hoach})]",
            },
            { id: "kpcd_ke_hoach", text: "Kế hoạch thu kinh phí công đoàn là {kpcd_ke_hoach}" },
            {
              id: "doan_phi",
              text: "Thu đoàn phí công đoàn đạt {doan_phi_thuc_hien}[ (kế hoạch {doan_phi_ke_hoach})]",
            },
            {
              id: "doan_phi_ke_hoach",
              text: "Kế hoạch thu đoàn phí công đoàn là {doan_phi_ke_hoach}",
            },
          ],
          prompt:
            "Quản lý tài chính, tài sản; quyết toán; thu kinh phí công đoàn, đoàn phí công đoàn (kế hoạch và thực hiện).",
          text: { required: false },
          indicators: [
            {
              id: "kpcd_ke_hoach",
              label: "Thu kinh phí công đoàn: kế hoạch",
              unit: "đồng",
              type: "money",
            },
            {
              id: "kpcd_thuc_hien",
              label: "Thu kinh phí công đoàn: thực hiện",
              unit: "đồng",
              type: "money",
              target: "kpcd_ke_hoach",
            },
            {
              id: "doan_phi_ke_hoach",
              label: "Thu đoàn phí công đoàn: kế hoạch",
              unit: "đồng",
              type: "money",
            },
            {
              id: "doan_phi_thuc_hien",
              label: "Thu đoàn phí công đoàn: thực hiện",
              unit: "đồng",
              type: "money",
              target: "doan_phi_ke_hoach",
            },
          ],
        },
        {
          id: "van_hoa",
          number: "8",
          level: "arabic",
          heading: "Xây dựng cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa",
          sentences: [
            {
              id: "cong_nhan",
              text: "Quyết định công nhận[ 02 năm danh hiệu “Cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa” cho {chuan_vh_2_nam} cơ quan, đơn vị, doanh nghiệp][; 05 năm danh hiệu “Cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa” cho {chuan_vh_5_nam} cơ quan, đơn vị, doanh nghiệp]",
            },
          ],
          prompt:
            'Thẩm định, công nhận danh hiệu "Cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa" (02 năm, 05 năm).',
          text: { required: false },
          indicators: [
            {
              id: "chuan_vh_2_nam",
              label: "Được công nhận đạt chuẩn văn hóa 02 năm",
              unit: "cơ quan, đơn vị",
              type: "integer",
              phrase: "cơ quan, đơn vị, doanh nghiệp",
            },
            {
              id: "chuan_vh_5_nam",
              label: "Được công nhận đạt chuẩn văn hóa 05 năm",
              unit: "cơ quan, đơn vị",
              type: "integer",
              phrase: "cơ quan, đơn vị, doanh nghiệp",
            },
          ],
        },
        {
          id: "kiem_tra",
          number: "9",
          level: "arabic",
          heading: "Công tác kiểm tra, giám sát",
          sentences: [
            {
              id: "cuoc",
              text: "Các cấp công đoàn tiến hành[ {kiem_tra_cuoc} cuộc kiểm tra][ và {giam_sat_cuoc} cuộc giám sát]",
            },
          ],
          prompt:
            "Kiểm tra tài chính đồng cấp, kiểm tra chấp hành Điều lệ; giám sát; khắc phục hạn chế sau kiểm điểm; kê khai tài sản, thu nhập.",
          text: { required: false },
          indicators: [
            {
              id: "kiem_tra_cuoc",
              label: "Số cuộc kiểm tra",
              unit: "cuộc",
              type: "integer",
              phrase: "cuộc kiểm tra",
            },
            {
              id: "giam_sat_cuoc",
              label: "Số cuộc giám sát",
              unit: "cuộc",
              type: "integer",
              phrase: "cuộc giám sát",
            },
          ],
        },
        {
          id: "chi_dao",
          number: "10",
          level: "arabic",
          heading: "Công tác chỉ đạo, ban hành văn bản",
          sentences: [
            {
              id: "van_ban",
              text: "Ban hành {van_ban_ban_hanh} văn bản chỉ đạo, hướng dẫn, báo cáo, kế hoạch theo chức năng, nhiệm vụ",
            },
          ],
          prompt:
            "Ban hành văn bản, báo cáo, kế hoạch, hướng dẫn theo chức năng, nhiệm vụ và chỉ đạo của cấp ủy, công đoàn cấp trên.",
          text: { required: false },
          indicators: [
            {
              id: "van_ban_ban_hanh",
              label: "Số văn bản ban hành",
              unit: "văn bản",
              type: "integer",
              phrase: "văn bản",
            },
          ],
        },
        {
          id: "to_chuc",
          number: "11",
          level: "arabic",
          heading: "Phát triển đoàn viên, xây dựng tổ chức công đoàn",
          sentences: [
            {
              id: "ket_nap",
              text: "[Kết nạp {dv_ket_nap} đoàn viên mới][, thành lập {cdcs_thanh_lap} CĐCS mới]",
            },
            { id: "giai_the", text: "Giải thể, sáp nhập {cdcs_giai_the} CĐCS" },
            { id: "tong_so", text: "Đến nay toàn tỉnh có {dv_tong_so} đoàn viên công đoàn" },
            {
              id: "phan_mem",
              text: "Cập nhật {dv_cap_nhat_phan_mem}/{dv_tong_so} đoàn viên lên phần mềm quản lý đoàn viên, đạt {ty_le_cap_nhat_phan_mem}",
            },
            {
              id: "phan_mem_so",
              text: "Cập nhật {dv_cap_nhat_phan_mem} đoàn viên lên phần mềm quản lý đoàn viên",
            },
            {
              id: "uu_tu",
              text: "Giới thiệu {dv_uu_tu} đoàn viên ưu tú cho Đảng xem xét, kết nạp[; {dang_vien_ket_nap} đoàn viên được kết nạp vào Đảng]",
            },
            {
              id: "dang_vien",
              text: "Có {dang_vien_ket_nap} đoàn viên công đoàn được kết nạp vào Đảng",
            },
            {
              id: "tap_huan",
              text: "Tổ chức {tap_huan_lop} lớp tập huấn nghiệp vụ công đoàn[ cho {tap_huan_luot} lượt cán bộ]",
            },
            {
              id: "tap_huan_luot",
              text: "Tập huấn nghiệp vụ công tác công đoàn cho {tap_huan_luot} lượt cán bộ",
            },
          ],
          prompt:
            "Kết nạp đoàn viên, thành lập CĐCS (so với chỉ tiêu được giao); cập nhật phần mềm quản lý đoàn viên; giới thiệu đoàn viên ưu tú cho Đảng; tập huấn cán bộ.",
          text: { required: false },
          indicators: [
            {
              id: "dv_ket_nap",
              label: "Đoàn viên kết nạp mới",
              unit: "đoàn viên",
              type: "integer",
              target: "tg_dv_ket_nap",
              phrase: "đoàn viên được kết nạp mới",
            },
            {
              id: "cdcs_thanh_lap",
              label: "CĐCS thành lập mới",
              unit: "CĐCS",
              type: "integer",
              target: "tg_cdcs_thanh_lap",
              phrase: "CĐCS được thành lập mới",
            },
            {
              id: "cdcs_giai_the",
              label: "CĐCS giải thể, sáp nhập",
              unit: "CĐCS",
              type: "integer",
              phrase: "CĐCS giải thể, sáp nhập",
            },
            {
              id: "dv_tong_so",
              label: "Tổng số đoàn viên công đoàn",
              unit: "đoàn viên",
              type: "integer",
            },
            {
              id: "dv_cap_nhat_phan_mem",
              label: "Đoàn viên được cập nhật lên phần mềm quản lý đoàn viên",
              unit: "đoàn viên",
              type: "integer",
              partOf: "dv_tong_so",
            },
            {
              id: "ty_le_cap_nhat_phan_mem",
              label: "Tỷ lệ đoàn viên được cập nhật lên phần mềm",
              unit: "%",
              type: "percent",
              computed: true,
              ratioOf: { part: "dv_cap_nhat_phan_mem", whole: "dv_tong_so" },
            },
            {
              id: "dv_uu_tu",
              label: "Đoàn viên ưu tú giới thiệu cho Đảng",
              unit: "đoàn viên",
              type: "integer",
              phrase: "đoàn viên ưu tú được giới thiệu cho Đảng",
            },
            {
              id: "dang_vien_ket_nap",
              label: "Đoàn viên được kết nạp Đảng",
              unit: "đảng viên",
              type: "integer",
              phrase: "đoàn viên được kết nạp Đảng",
            },
            {
              id: "tap_huan_lop",
              label: "Lớp tập huấn nghiệp vụ công đoàn",
              unit: "lớp",
              type: "integer",
              phrase: "lớp tập huấn nghiệp vụ công đoàn",
            },
            {
              id: "tap_huan_luot",
              label: "Lượt cán bộ được tập huấn",
              unit: "lượt",
              type: "integer",
              phrase: "lượt cán bộ được tập huấn",
            },
          ],
        },
        {
          id: "dai_dien",
          number: "12",
          level: "arabic",
          heading: "Đại diện, bảo vệ quyền và lợi ích hợp pháp của đoàn viên, người lao động",
          sentences: [
            {
              id: "hn_cbccvc",
              text: "{hn_cbccvc_to_chuc}/{hn_cbccvc_tong} cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức, đạt {ty_le_hn_cbccvc}",
            },
            {
              id: "hn_cbccvc_so",
              text: "Có {hn_cbccvc_to_chuc} cơ quan, đơn vị tổ chức hội nghị cán bộ, công chức, viên chức",
            },
            {
              id: "hn_nld",
              text: "{hn_nld_to_chuc}/{hn_nld_tong} doanh nghiệp tổ chức hội nghị người lao động, đạt {ty_le_hn_nld}[; {doi_thoai_dn} doanh nghiệp tổ chức đối thoại tại nơi làm việc]",
            },
            {
              id: "hn_nld_so",
              text: "Có {hn_nld_to_chuc} doanh nghiệp tổ chức hội nghị người lao động",
            },
            {
              id: "doi_thoai",
              text: "Có {doi_thoai_dn} doanh nghiệp tổ chức đối thoại tại nơi làm việc",
            },
            {
              id: "tuldtt",
              text: "Thương lượng, ký kết mới {tuldtt_ky} bản thỏa ước lao động tập thể",
            },
            {
              id: "gop_y",
              text: "Tham gia góp ý {gop_y_du_thao} dự thảo văn bản liên quan đến quyền, lợi ích của đoàn viên, người lao động",
            },
            {
              id: "don_thu",
              text: "Tiếp nhận {don_thu_nhan} đơn thư[, đã giải quyết {don_thu_giai_quyet} đơn ({ty_le_don_thu})]",
            },
            { id: "ngung_viec", text: "Trên địa bàn xảy ra {ngung_viec} vụ ngừng việc tập thể" },
          ],
          prompt:
            "Hội nghị cán bộ, công chức, viên chức; hội nghị người lao động; đối thoại; thương lượng, ký kết TULĐTT; tham gia góp ý dự thảo văn bản; giải quyết đơn thư; ngừng việc tập thể.",
          text: { required: false },
          indicators: [
            ...workplaceMeetings(),
            {
              id: "doi_thoai_dn",
              label: "Doanh nghiệp tổ chức đối thoại tại nơi làm việc",
              unit: "doanh nghiệp",
              type: "integer",
              partOf: "hn_nld_tong",
              phrase: "doanh nghiệp tổ chức đối thoại",
            },
            {
              id: "tuldtt_ky",
              label: "Bản TULĐTT ký mới",
              unit: "bản",
              type: "integer",
              phrase: "bản thỏa ước lao động tập thể",
            },
            {
              id: "gop_y_du_thao",
              label: "Dự thảo văn bản tham gia góp ý",
              unit: "dự thảo",
              type: "integer",
              phrase: "dự thảo văn bản",
            },
            { id: "don_thu_nhan", label: "Đơn thư nhận được", unit: "đơn", type: "integer" },
            {
              id: "don_thu_giai_quyet",
              label: "Đơn thư đã giải quyết",
              unit: "đơn",
              type: "integer",
              partOf: "don_thu_nhan",
            },
            {
              id: "ty_le_don_thu",
              label: "Tỷ lệ đơn thư được giải quyết",
              unit: "%",
              type: "percent",
              computed: true,
              ratioOf: { part: "don_thu_giai_quyet", whole: "don_thu_nhan" },
            },
            {
              id: "ngung_viec",
              label: "Vụ ngừng việc tập thể",
              unit: "vụ",
              type: "integer",
              phrase: "vụ ngừng việc tập thể",
            },
          ],
        },
      ],
    },
    {
      id: "han_che",
      number: "II",
      level: "roman",
      heading: "Hạn chế",
      headingEn: "Shortcomings",
      sheetName: "II. Hạn chế",
      prompt:
        "Nêu các hạn chế, khuyết điểm trong kỳ, mỗi ý một đoạn; đánh số 1., 2., ... nếu có nhiều ý.",
      text: { required: true, label: "Các hạn chế (mỗi ý một dòng)" },
    },
    {
      id: "nhiem_vu",
      number: "III",
      level: "roman",
      heading: "Nhiệm vụ trọng tâm {nextPeriod}",
      headingEn: "Priorities for {nextPeriod}",
      sheetName: "III. Nhiệm vụ",
      prompt: "Các nhiệm vụ trọng tâm kỳ tới, mỗi nhiệm vụ một dòng.",
      text: { required: true, label: "Các nhiệm vụ trọng tâm (mỗi nhiệm vụ một dòng)" },
    },
  ],
  targets: [
    {
      id: "tg_dv_ket_nap",
      label: "Kết nạp đoàn viên mới theo chỉ tiêu được giao",
      indicator: "dv_ket_nap",
      comparator: "gte",
      value: null,
      unit: "đoàn viên",
    },
    {
      id: "tg_cdcs_thanh_lap",
      label: "Thành lập CĐCS mới theo chỉ tiêu được giao",
      indicator: "cdcs_thanh_lap",
      comparator: "gte",
      value: null,
      unit: "CĐCS",
    },
  ],
  rules: [
    {
      id: "qua_tet_co_nguoi",
      when: "qua_tet_ldld_tien > 0",
      assert: "not isblank(qua_tet_ldld_nguoi)",
      severity: "warning",
      message: "Có số tiền hỗ trợ quà Tết nhưng chưa ghi số đoàn viên, NLĐ được hỗ trợ.",
    },
    {
      id: "ho_tro_co_nguoi",
      when: "ho_tro_kho_khan_tien > 0",
      assert: "not isblank(ho_tro_kho_khan_nguoi)",
      severity: "warning",
      message: "Có số tiền hỗ trợ đoàn viên khó khăn nhưng chưa ghi số người được hỗ trợ.",
    },
    {
      id: "uu_tu_truoc_ket_nap",
      assert: "dang_vien_ket_nap <= dv_uu_tu",
      severity: "warning",
      message:
        "Số đoàn viên được kết nạp Đảng lớn hơn số đoàn viên ưu tú được giới thiệu: kiểm tra lại.",
    },
  ],
};
